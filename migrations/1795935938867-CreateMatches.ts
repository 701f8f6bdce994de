import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMatches1795935938867 implements MigrationInterface {
  name = 'CreateMatches1795935938867';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per pair in the vacancy's top set, the candidate's top set, or both.
    await queryRunner.query(`
      CREATE TABLE matches (
        vacancy_id uuid NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        score real NOT NULL CHECK (score BETWEEN 0 AND 1),
        score_version integer NOT NULL,
        computed_at timestamptz NOT NULL,
        explanation jsonb NOT NULL,
        in_vacancy_top boolean NOT NULL DEFAULT false,
        in_candidate_top boolean NOT NULL DEFAULT false,
        PRIMARY KEY (vacancy_id, candidate_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX matches_vacancy_top_idx ON matches (vacancy_id, score DESC) WHERE in_vacancy_top',
    );
    await queryRunner.query(
      'CREATE INDEX matches_candidate_top_idx ON matches (candidate_id, score DESC) WHERE in_candidate_top',
    );
    await queryRunner.query('CREATE INDEX matches_computed_at_idx ON matches (computed_at)');
    // Kept apart from matches so an employer's decision survives every recomputation.
    await queryRunner.query(`
      CREATE TABLE match_statuses (
        vacancy_id uuid NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('new', 'seen', 'shortlisted', 'dismissed')),
        changed_at timestamptz NOT NULL DEFAULT now(),
        changed_by uuid,
        PRIMARY KEY (vacancy_id, candidate_id)
      )`);
    await queryRunner.query('CREATE INDEX match_statuses_candidate_idx ON match_statuses (candidate_id)');
    await queryRunner.query('CREATE INDEX candidates_updated_at_idx ON candidates (updated_at)');
    await queryRunner.query('CREATE INDEX vacancies_updated_at_idx ON vacancies (updated_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX vacancies_updated_at_idx, candidates_updated_at_idx');
    await queryRunner.query('DROP TABLE match_statuses, matches');
  }
}

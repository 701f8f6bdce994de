import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMatchRefreshRows1796400000000 implements MigrationInterface {
  name = 'CreateMatchRefreshRows1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A sharded full re-match: each shard stages its rows here, then one step merges and swaps them in.
    await queryRunner.query(`
      CREATE TABLE match_refresh_rows (
        run_id uuid NOT NULL,
        shard smallint NOT NULL,
        vacancy_id uuid NOT NULL,
        candidate_id uuid NOT NULL,
        score real NOT NULL,
        explanation jsonb NOT NULL,
        tie_break integer NOT NULL,
        in_vacancy_top boolean NOT NULL,
        in_candidate_top boolean NOT NULL,
        staged_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX match_refresh_rows_run_idx ON match_refresh_rows (run_id, shard)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE match_refresh_rows');
  }
}

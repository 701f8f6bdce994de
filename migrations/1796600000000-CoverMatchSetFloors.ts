import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoverMatchSetFloors1796600000000 implements MigrationInterface {
  name = 'CoverMatchSetFloors1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Index-only scans need pages marked all-visible; sets are rewritten all the time, so the
    // table is vacuumed after 2 % of its rows changed rather than the default 20 %.
    await queryRunner.query(
      'ALTER TABLE matches SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02)',
    );
    // Writing a batch of sets reads, for every pair it offers, the other side's set (score and the
    // owner it belongs to, to leave out the batch's own rows). With the owner in the index that
    // read is an index-only scan instead of a heap visit per row.
    await queryRunner.query('DROP INDEX matches_vacancy_top_idx');
    await queryRunner.query(
      'CREATE INDEX matches_vacancy_top_idx ON matches (vacancy_id, score DESC) INCLUDE (candidate_id) WHERE in_vacancy_top',
    );
    await queryRunner.query('DROP INDEX matches_candidate_top_idx');
    await queryRunner.query(
      'CREATE INDEX matches_candidate_top_idx ON matches (candidate_id, score DESC) INCLUDE (vacancy_id) WHERE in_candidate_top',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE matches RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_insert_scale_factor)',
    );
    await queryRunner.query('DROP INDEX matches_vacancy_top_idx');
    await queryRunner.query(
      'CREATE INDEX matches_vacancy_top_idx ON matches (vacancy_id, score DESC) WHERE in_vacancy_top',
    );
    await queryRunner.query('DROP INDEX matches_candidate_top_idx');
    await queryRunner.query(
      'CREATE INDEX matches_candidate_top_idx ON matches (candidate_id, score DESC) WHERE in_candidate_top',
    );
  }
}

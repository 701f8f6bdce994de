import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The two top-set indexes: name, the set's owner column, the other side's column, the flag. */
const TOP_SET_INDEXES = [
  ['matches_vacancy_top_idx', 'vacancy_id', 'candidate_id', 'in_vacancy_top'],
  ['matches_candidate_top_idx', 'candidate_id', 'vacancy_id', 'in_candidate_top'],
] as const;

async function recreateTopSetIndexes(queryRunner: QueryRunner, covering: boolean): Promise<void> {
  for (const [name, owner, other, flag] of TOP_SET_INDEXES) {
    await queryRunner.query(`DROP INDEX ${name}`);
    await queryRunner.query(
      `CREATE INDEX ${name} ON matches (${owner}, score DESC)${covering ? ` INCLUDE (${other})` : ''} WHERE ${flag}`,
    );
  }
}

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
    await recreateTopSetIndexes(queryRunner, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE matches RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_insert_scale_factor)',
    );
    await recreateTopSetIndexes(queryRunner, false);
  }
}

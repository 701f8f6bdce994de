import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CompactMatchRows1795951800000 implements MigrationInterface {
  name = 'CompactMatchRows1795951800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Orders equal scores per list by a hash of the pair, computed by the engine (pairTie).
    await queryRunner.query('ALTER TABLE matches ADD COLUMN tie_break integer NOT NULL DEFAULT 0');
    // Full re-matches replace every row at once; the per-row computed_at index only served their sweep.
    await queryRunner.query('DROP INDEX matches_computed_at_idx');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX matches_computed_at_idx ON matches (computed_at)');
    await queryRunner.query('ALTER TABLE matches DROP COLUMN tie_break');
  }
}

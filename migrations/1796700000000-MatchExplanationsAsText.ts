import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchExplanationsAsText1796700000000 implements MigrationInterface {
  name = 'MatchExplanationsAsText1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Only the application reads a stored explanation, whole: as text it is kept as written, with
    // no JSON parse on every write of a set, and in about two thirds of the space jsonb took
    // (jsonb stores each of its numbers as a numeric).
    for (const table of ['matches', 'match_refresh_rows'])
      await queryRunner.query(
        `ALTER TABLE ${table} ALTER COLUMN explanation TYPE text USING explanation::text`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['matches', 'match_refresh_rows'])
      await queryRunner.query(
        `ALTER TABLE ${table} ALTER COLUMN explanation TYPE jsonb USING explanation::jsonb`,
      );
  }
}

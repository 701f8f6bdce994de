import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConsistencyReports1795951000000 implements MigrationInterface {
  name = 'CreateConsistencyReports1795951000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // What each consistency check found: counts and a few sample ids per kind of drift, no personal data.
    await queryRunner.query(`
      CREATE TABLE consistency_reports (
        id bigserial PRIMARY KEY,
        checked_at timestamptz NOT NULL,
        repaired boolean NOT NULL,
        drift integer NOT NULL,
        report jsonb NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX consistency_reports_checked_at_idx ON consistency_reports (checked_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE consistency_reports');
  }
}

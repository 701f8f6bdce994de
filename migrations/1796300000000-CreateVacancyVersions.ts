import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateVacancyVersions1796300000000 implements MigrationInterface {
  name = 'CreateVacancyVersions1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Each published state of a vacancy: version 1 is what was published, every edit adds the next.
    await queryRunner.query(`
      CREATE TABLE vacancy_versions (
        vacancy_id uuid NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        content jsonb NOT NULL,
        changed_fields text[] NOT NULL DEFAULT '{}',
        substantive boolean NOT NULL,
        changed_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (vacancy_id, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE vacancy_versions');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePartnerCountryAppliedStatuses1795935261813 implements MigrationInterface {
  name = 'CreatePartnerCountryAppliedStatuses1795935261813';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The status whose effects (search visibility, candidate mails) were last applied per country,
    // so a dated change is applied exactly once, when it becomes effective.
    await queryRunner.query(`
      CREATE TABLE partner_country_applied_statuses (
        country_code char(2) PRIMARY KEY REFERENCES countries (alpha2),
        status text NOT NULL CHECK (status IN ('eligible', 'talent_partnership', 'suspended')),
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE partner_country_applied_statuses');
  }
}

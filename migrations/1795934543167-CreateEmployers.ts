import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEmployers1795934543167 implements MigrationInterface {
  name = 'CreateEmployers1795934543167';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Defaults keep rows written by the identity library's minimal employer provisioning valid.
    await queryRunner.query(`
      ALTER TABLE employer_organisations
        ADD COLUMN registration_number text,
        ADD COLUMN entity_type text NOT NULL DEFAULT 'employer' CHECK (entity_type IN ('employer',
          'temporary_work_agency', 'private_employment_agency', 'labour_market_intermediary')),
        ADD COLUMN status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'verified', 'suspended', 'removed')),
        ADD COLUMN status_reason text,
        ADD COLUMN status_changed_at timestamptz,
        ADD COLUMN contact_name text,
        ADD COLUMN contact_email text,
        ADD COLUMN contact_phone text,
        ADD COLUMN description text,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX employer_organisations_registration_key
        ON employer_organisations (country_code, registration_number)
        WHERE registration_number IS NOT NULL AND status <> 'removed'`);
    await queryRunner.query(
      'CREATE INDEX employer_organisations_state_status_idx ON employer_organisations (country_code, status)',
    );
    await queryRunner.query(`
      CREATE TABLE excluded_registration_numbers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country_code char(2) NOT NULL REFERENCES member_states (country_code),
        registration_number text NOT NULL,
        reason text NOT NULL,
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (country_code, registration_number)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE excluded_registration_numbers');
    await queryRunner.query('DROP INDEX employer_organisations_state_status_idx');
    await queryRunner.query('DROP INDEX employer_organisations_registration_key');
    await queryRunner.query(`
      ALTER TABLE employer_organisations DROP COLUMN registration_number, DROP COLUMN entity_type,
        DROP COLUMN status, DROP COLUMN status_reason, DROP COLUMN status_changed_at, DROP COLUMN contact_name,
        DROP COLUMN contact_email, DROP COLUMN contact_phone, DROP COLUMN description, DROP COLUMN updated_at`);
  }
}

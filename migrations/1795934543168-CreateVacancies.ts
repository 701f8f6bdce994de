import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateVacancies1795934543168 implements MigrationInterface {
  name = 'CreateVacancies1795934543168';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE vacancies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES employer_organisations (id),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'closed', 'expired')),
        title text NOT NULL,
        description text NOT NULL,
        occupation_uri text NOT NULL,
        member_state char(2) NOT NULL,
        city text NOT NULL,
        region text,
        contact_name text NOT NULL,
        contact_email text NOT NULL,
        contact_phone text,
        pay_min numeric(12, 2),
        pay_max numeric(12, 2),
        pay_currency char(3),
        pay_period text CHECK (pay_period IN ('hour', 'month', 'year')),
        contract_type text,
        hours_per_week numeric(4, 1),
        number_of_posts integer NOT NULL DEFAULT 1 CHECK (number_of_posts BETWEEN 1 AND 10000),
        start_date date,
        skills jsonb NOT NULL DEFAULT '[]',
        languages jsonb NOT NULL DEFAULT '[]',
        min_eqf_level smallint CHECK (min_eqf_level BETWEEN 1 AND 8),
        min_experience_years smallint CHECK (min_experience_years BETWEEN 0 AND 60),
        contributes_to_competitiveness boolean NOT NULL DEFAULT false,
        competitiveness_justification text,
        published_at timestamptz,
        expires_at timestamptz,
        closed_at timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT vacancies_pay_range CHECK (pay_min IS NULL OR pay_max IS NULL OR pay_min <= pay_max),
        CONSTRAINT vacancies_pay_currency CHECK ((pay_min IS NULL AND pay_max IS NULL) OR pay_currency IS NOT NULL),
        CONSTRAINT vacancies_justified CHECK (NOT contributes_to_competitiveness
          OR competitiveness_justification IS NOT NULL),
        CONSTRAINT vacancies_published_dates CHECK (status = 'draft'
          OR (published_at IS NOT NULL AND expires_at IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX vacancies_organisation_idx ON vacancies (organisation_id)');
    await queryRunner.query(
      `CREATE INDEX vacancies_due_idx ON vacancies (expires_at) WHERE status = 'published'`,
    );
    await queryRunner.query('CREATE INDEX vacancies_member_state_idx ON vacancies (member_state)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE vacancies');
  }
}

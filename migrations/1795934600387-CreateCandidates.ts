import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCandidates1795934600387 implements MigrationInterface {
  name = 'CreateCandidates1795934600387';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Identity fields (names, date of birth, phone) live only here; the search index never sees them.
    await queryRunner.query(`
      CREATE TABLE candidates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
        reference_code text NOT NULL UNIQUE CHECK (reference_code ~ '^TP-[0-9A-Z]{4}-[0-9A-Z]{4}$'),
        given_name text NOT NULL,
        family_name text NOT NULL,
        date_of_birth date NOT NULL,
        residence_country char(2) NOT NULL REFERENCES countries (alpha2),
        citizenships char(2)[] NOT NULL CHECK (cardinality(citizenships) BETWEEN 1 AND 5),
        phone_e164 text CHECK (phone_e164 ~ '^\\+[1-9][0-9]{6,14}$'),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'expired')),
        availability text NOT NULL DEFAULT 'available' CHECK (availability IN ('available', 'paused', 'placed')),
        earliest_start_date date,
        preferred_member_states char(2)[] NOT NULL DEFAULT '{}',
        programme_type text CHECK (programme_type IN ('talent_partnership', 'bilateral', 'national')),
        programme_partner_country char(2) REFERENCES countries (alpha2),
        activated_at timestamptz,
        expires_at timestamptz,
        expiry_reminder_sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT candidates_programme_pair CHECK ((programme_type IS NULL) = (programme_partner_country IS NULL)),
        CONSTRAINT candidates_active_expiry CHECK (status = 'draft' OR expires_at IS NOT NULL)
      )`);
    await queryRunner.query(
      'CREATE INDEX candidates_phone_idx ON candidates (phone_e164) WHERE phone_e164 IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX candidates_residence_idx ON candidates (residence_country)');
    await queryRunner.query('CREATE INDEX candidates_citizenships_idx ON candidates USING gin (citizenships)');
    await queryRunner.query(
      "CREATE INDEX candidates_expiry_idx ON candidates (expires_at) WHERE status = 'active'",
    );
    // ESCO concepts are never deleted by an import (only marked obsolete), so these keys stay valid.
    await queryRunner.query(`
      CREATE TABLE candidate_occupations (
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        occupation_uri text NOT NULL REFERENCES occupations (uri),
        years_of_experience numeric(4, 1) NOT NULL CHECK (years_of_experience BETWEEN 0 AND 60),
        PRIMARY KEY (candidate_id, occupation_uri)
      )`);
    await queryRunner.query(`
      CREATE TABLE candidate_skills (
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        skill_uri text NOT NULL REFERENCES skills (uri),
        level text CHECK (level IN ('basic', 'intermediate', 'advanced', 'expert')),
        years_of_experience numeric(4, 1) CHECK (years_of_experience BETWEEN 0 AND 60),
        programme boolean NOT NULL DEFAULT false,
        PRIMARY KEY (candidate_id, skill_uri)
      )`);
    await queryRunner.query('CREATE INDEX candidate_skills_skill_idx ON candidate_skills (skill_uri)');
    await queryRunner.query(`
      CREATE TABLE candidate_languages (
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        language_code char(2) NOT NULL REFERENCES languages (code),
        cefr_level char(2) NOT NULL REFERENCES cefr_levels (code),
        PRIMARY KEY (candidate_id, language_code)
      )`);
    await queryRunner.query(`
      CREATE TABLE candidate_education (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        eqf_level smallint NOT NULL REFERENCES eqf_levels (level),
        field text NOT NULL,
        country_code char(2) NOT NULL REFERENCES countries (alpha2),
        completion_year smallint NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX candidate_education_candidate_idx ON candidate_education (candidate_id)');
    await queryRunner.query(`
      CREATE TABLE candidate_qualifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        title text NOT NULL,
        issuer text,
        country_code char(2) REFERENCES countries (alpha2),
        year smallint
      )`);
    await queryRunner.query(
      'CREATE INDEX candidate_qualifications_candidate_idx ON candidate_qualifications (candidate_id)',
    );
    await queryRunner.query(`
      CREATE TABLE candidate_work_experience (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        occupation_uri text NOT NULL REFERENCES occupations (uri),
        employer_name text NOT NULL,
        country_code char(2) NOT NULL REFERENCES countries (alpha2),
        start_date date NOT NULL,
        end_date date CHECK (end_date IS NULL OR end_date >= start_date)
      )`);
    await queryRunner.query(
      'CREATE INDEX candidate_work_experience_candidate_idx ON candidate_work_experience (candidate_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE candidate_work_experience, candidate_qualifications, candidate_education,
        candidate_languages, candidate_skills, candidate_occupations, candidates`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentity1795932992923 implements MigrationInterface {
  name = 'CreateIdentity1795932992923';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Minimal on purpose: the employers issue adds verification, entity type and registration data.
    await queryRunner.query(`
      CREATE TABLE employer_organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        country_code char(2) NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text,
        role text NOT NULL CHECK (role IN ('candidate', 'employer', 'ncp', 'admin')),
        employer_organisation_id uuid REFERENCES employer_organisations (id),
        is_organisation_admin boolean NOT NULL DEFAULT false,
        member_state char(2) CHECK (member_state ~ '^[A-Z]{2}$'),
        email_verified_at timestamptz,
        disabled_at timestamptz,
        password_changed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT accounts_email_normalised CHECK (email = lower(btrim(email))),
        CONSTRAINT accounts_employer_scope CHECK ((role = 'employer') = (employer_organisation_id IS NOT NULL)),
        CONSTRAINT accounts_organisation_admin_scope CHECK (role = 'employer' OR NOT is_organisation_admin),
        CONSTRAINT accounts_ncp_scope CHECK ((role = 'ncp') = (member_state IS NOT NULL))
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX accounts_email_key ON accounts (email)');
    await queryRunner.query(
      'CREATE INDEX accounts_organisation_idx ON accounts (employer_organisation_id) WHERE employer_organisation_id IS NOT NULL',
    );
    await queryRunner.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('email_verification', 'password_reset')),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX account_tokens_account_idx ON account_tokens (account_id, purpose)',
    );
    // A session is one refresh-token family: revoking it ends every token rotated from the same login.
    await queryRunner.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoke_reason text
      )`);
    await queryRunner.query(
      'CREATE INDEX auth_sessions_account_idx ON auth_sessions (account_id) WHERE revoked_at IS NULL',
    );
    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE refresh_tokens');
    await queryRunner.query('DROP TABLE auth_sessions');
    await queryRunner.query('DROP TABLE account_tokens');
    await queryRunner.query('DROP TABLE accounts');
    await queryRunner.query('DROP TABLE employer_organisations');
  }
}

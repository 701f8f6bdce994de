import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateContacts1795940000000 implements MigrationInterface {
  name = 'CreateContacts1795940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per (vacancy, candidate): an application or a contact request, its consent and its stage.
    await queryRunner.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        vacancy_id uuid NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES employer_organisations (id) ON DELETE CASCADE,
        candidate_id uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        origin text NOT NULL CHECK (origin IN ('application', 'request')),
        consent text NOT NULL CHECK (consent IN ('pending', 'granted', 'declined', 'withdrawn')),
        consent_changed_at timestamptz NOT NULL DEFAULT now(),
        shared_fields text[] NOT NULL DEFAULT '{}',
        stage text NOT NULL CHECK (stage IN ('new', 'contacted', 'accepted', 'interviewing', 'offered',
                                             'hired', 'not_selected', 'withdrawn')),
        stage_changed_at timestamptz NOT NULL DEFAULT now(),
        opening_message text,
        requested_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
        requested_at timestamptz,
        candidate_language text NOT NULL DEFAULT 'en' CHECK (candidate_language IN ('en', 'fr', 'es', 'ar')),
        employer_language text NOT NULL DEFAULT 'en' CHECK (employer_language IN ('en', 'fr', 'es', 'ar')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (vacancy_id, candidate_id),
        CONSTRAINT contacts_request_time CHECK (origin = 'application' OR requested_at IS NOT NULL)
      )`);
    await queryRunner.query('CREATE INDEX contacts_candidate_idx ON contacts (candidate_id)');
    await queryRunner.query(
      'CREATE INDEX contacts_requests_idx ON contacts (organisation_id, requested_at) WHERE requested_at IS NOT NULL',
    );
    await queryRunner.query(`
      CREATE TABLE contact_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL,
        sender text NOT NULL CHECK (sender IN ('candidate', 'employer')),
        sender_account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
        body text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX contact_messages_contact_idx ON contact_messages (contact_id, sent_at)',
    );
    await queryRunner.query(
      `CREATE INDEX contact_messages_employer_idx ON contact_messages (organisation_id, sent_at)
        WHERE sender = 'employer'`,
    );
    // Kept after erasure without the person: the candidate and contact links are nulled, the rest stays.
    await queryRunner.query(`
      CREATE TABLE consent_receipts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
        candidate_id uuid REFERENCES candidates (id) ON DELETE SET NULL,
        organisation_id uuid NOT NULL,
        vacancy_id uuid NOT NULL,
        event text NOT NULL CHECK (event IN ('granted', 'withdrawn')),
        via text NOT NULL CHECK (via IN ('application', 'acceptance', 'withdrawal', 'erasure')),
        fields text[] NOT NULL,
        text_version text NOT NULL,
        language text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX consent_receipts_candidate_idx ON consent_receipts (candidate_id)');
    await queryRunner.query('CREATE INDEX consent_receipts_contact_idx ON consent_receipts (contact_id)');
    await queryRunner.query(`
      CREATE TABLE contact_suspensions (
        organisation_id uuid PRIMARY KEY REFERENCES employer_organisations (id) ON DELETE CASCADE,
        reason text NOT NULL,
        suspended_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
        suspended_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Hires for statistics, without identity; an erased candidate's placement stays, unlinked.
    await queryRunner.query(`
      CREATE TABLE placements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contact_id uuid UNIQUE REFERENCES contacts (id) ON DELETE SET NULL,
        occupation_uri text NOT NULL,
        member_state char(2) NOT NULL,
        residence_country char(2) NOT NULL,
        hired_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE placements, contact_suspensions, consent_receipts, contact_messages, contacts',
    );
  }
}

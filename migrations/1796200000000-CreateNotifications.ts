import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1796200000000 implements MigrationInterface {
  name = 'CreateNotifications1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per notification a user can read in the app; `dedup_key` makes a re-delivered event
    // land on the row it already made. `params` hold what the templates show, never personal data.
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        kind text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        dedup_key text NOT NULL,
        delivery text NOT NULL CHECK (delivery IN ('mailed', 'digest_pending', 'digested', 'in_app')),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (account_id, dedup_key)
      )`);
    await queryRunner.query(
      'CREATE INDEX notifications_account_created_idx ON notifications (account_id, created_at DESC)',
    );
    // Notices keyed by their subject (a vacancy's expiry) are looked up by key alone.
    await queryRunner.query('CREATE INDEX notifications_dedup_key_idx ON notifications (dedup_key)');
    await queryRunner.query(
      `CREATE INDEX notifications_digest_idx ON notifications (account_id) WHERE delivery = 'digest_pending'`,
    );
    await queryRunner.query(`
      CREATE TABLE notification_preferences (
        account_id uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
        language text NOT NULL DEFAULT 'en',
        channels jsonb NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Saved talent searches (employers) and job alerts (candidates): the validated query, and every
    // hit already mailed, so that a hit is never sent twice.
    await queryRunner.query(`
      CREATE TABLE saved_searches (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        -- The employer organisation a talent search runs for (null for candidates' job alerts).
        organisation_id uuid,
        kind text NOT NULL CHECK (kind IN ('talent', 'jobs')),
        name text NOT NULL,
        query jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_run_at timestamptz,
        unsubscribed_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX saved_searches_account_idx ON saved_searches (account_id)');
    await queryRunner.query(`
      CREATE TABLE saved_search_hits (
        saved_search_id uuid NOT NULL REFERENCES saved_searches (id) ON DELETE CASCADE,
        hit_key text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (saved_search_id, hit_key)
      )`);
    // The match pairs already announced to each side, so a digest counts only matches that are new.
    await queryRunner.query(`
      CREATE TABLE match_notices (
        side text NOT NULL CHECK (side IN ('employer', 'candidate')),
        vacancy_id uuid NOT NULL,
        candidate_id uuid NOT NULL,
        noticed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (side, vacancy_id, candidate_id)
      )`);
    // Header fields of a stored mail (List-Unsubscribe links), dropped with the body once sent.
    await queryRunner.query('ALTER TABLE mail_messages ADD COLUMN headers jsonb');
    await queryRunner.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY,
        url text NOT NULL,
        event_types text[] NOT NULL,
        secret text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        body text NOT NULL,
        replay_of uuid REFERENCES webhook_deliveries (id) ON DELETE SET NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'retrying', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_status_code integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    // One original delivery per endpoint and event; replays are rows of their own.
    await queryRunner.query(
      `CREATE UNIQUE INDEX webhook_deliveries_event_uq ON webhook_deliveries (endpoint_id, event_id)
        WHERE replay_of IS NULL`,
    );
    await queryRunner.query(
      'CREATE INDEX webhook_deliveries_created_idx ON webhook_deliveries (created_at DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE webhook_deliveries');
    await queryRunner.query('DROP TABLE webhook_endpoints');
    await queryRunner.query('ALTER TABLE mail_messages DROP COLUMN headers');
    await queryRunner.query('DROP TABLE match_notices');
    await queryRunner.query('DROP TABLE saved_search_hits');
    await queryRunner.query('DROP TABLE saved_searches');
    await queryRunner.query('DROP TABLE notification_preferences');
    await queryRunner.query('DROP TABLE notifications');
  }
}

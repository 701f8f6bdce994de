import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditEvents1795932992924 implements MigrationInterface {
  name = 'CreateAuditEvents1795932992924';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No foreign key to accounts: an erased account must not take its audit trail with it.
    await queryRunner.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_account_id uuid,
        actor_role text NOT NULL,
        action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$'),
        target_type text,
        target_id text,
        request_id text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query('CREATE INDEX audit_events_actor_idx ON audit_events (actor_account_id, id)');
    await queryRunner.query('CREATE INDEX audit_events_action_idx ON audit_events (action, id)');
    await queryRunner.query(
      'CREATE INDEX audit_events_target_idx ON audit_events (target_type, target_id, id)',
    );
    await queryRunner.query('CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at)');
    await queryRunner.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_events');
    await queryRunner.query('DROP FUNCTION audit_events_append_only()');
  }
}

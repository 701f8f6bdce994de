import type { MigrationInterface, QueryRunner } from 'typeorm';

const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/**
 * The one exception to the append-only audit log: erasing a person (GDPR Art. 17) anonymises the
 * rows that name them. The trigger lets an UPDATE through only when the transaction-local setting
 * `audit.erasure_subject` holds a uuid and the new row equals the old one with exactly that uuid
 * removed (actor → NULL, target id and every occurrence in details → 'erased'). Nothing else can
 * change, DELETE and TRUNCATE stay refused, and `erase_audit_subject()` is the only caller.
 */
export class AllowAuditErasure1795934600388 implements MigrationInterface {
  name = 'AllowAuditErasure1795934600388';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        subject text := coalesce(current_setting('audit.erasure_subject', true), '');
      BEGIN
        IF TG_OP = 'UPDATE' AND subject ~ '${UUID}' THEN
          IF NEW.id = OLD.id
             AND NEW.occurred_at = OLD.occurred_at
             AND NEW.actor_role = OLD.actor_role
             AND NEW.action = OLD.action
             AND NEW.target_type IS NOT DISTINCT FROM OLD.target_type
             AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id
             AND NEW.actor_account_id IS NOT DISTINCT FROM
               (CASE WHEN OLD.actor_account_id::text = subject THEN NULL ELSE OLD.actor_account_id END)
             AND NEW.target_id IS NOT DISTINCT FROM
               (CASE WHEN OLD.target_id = subject THEN 'erased' ELSE OLD.target_id END)
             AND NEW.details = replace(OLD.details::text, subject, 'erased')::jsonb
          THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION erase_audit_subject(subject uuid) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        key text := subject::text;
        changed integer;
      BEGIN
        PERFORM set_config('audit.erasure_subject', key, true);
        UPDATE audit_events
           SET actor_account_id = CASE WHEN actor_account_id = subject THEN NULL ELSE actor_account_id END,
               target_id = CASE WHEN target_id = key THEN 'erased' ELSE target_id END,
               details = replace(details::text, key, 'erased')::jsonb
         WHERE actor_account_id = subject OR target_id = key OR strpos(details::text, key) > 0;
        GET DIAGNOSTICS changed = ROW_COUNT;
        PERFORM set_config('audit.erasure_subject', '', true);
        RETURN changed;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION erase_audit_subject(uuid)');
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
  }
}

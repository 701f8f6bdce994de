import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutbox1795932277049 implements MigrationInterface {
  name = 'CreateOutbox1795932277049';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_messages (
        id bigserial PRIMARY KEY,
        job_name text NOT NULL,
        payload jsonb NOT NULL,
        dedup_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz,
        relay_attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await queryRunner.query(
      'CREATE INDEX outbox_messages_pending_idx ON outbox_messages (id) WHERE relayed_at IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX outbox_messages_relayed_idx ON outbox_messages (relayed_at) WHERE relayed_at IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE outbox_messages');
  }
}

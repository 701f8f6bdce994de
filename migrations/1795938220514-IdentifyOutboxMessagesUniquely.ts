import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentifyOutboxMessagesUniquely1795938220514 implements MigrationInterface {
  name = 'IdentifyOutboxMessagesUniquely1795938220514';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The relayed job's id. The bigint id starts again after a restore or a sequence reset, and
    // BullMQ silently ignores a job whose id it still holds: a repeated id would drop the job.
    await queryRunner.query(
      'ALTER TABLE outbox_messages ADD COLUMN message_uid uuid NOT NULL DEFAULT gen_random_uuid()',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX outbox_messages_message_uid_key ON outbox_messages (message_uid)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox_messages DROP COLUMN message_uid');
  }
}

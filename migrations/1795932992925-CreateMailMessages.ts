import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMailMessages1795932992925 implements MigrationInterface {
  name = 'CreateMailMessages1795932992925';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE mail_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template text NOT NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await queryRunner.query(
      'CREATE INDEX mail_messages_unsent_idx ON mail_messages (created_at) WHERE sent_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE mail_messages');
  }
}

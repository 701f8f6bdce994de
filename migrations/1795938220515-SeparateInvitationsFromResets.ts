import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SeparateInvitationsFromResets1795938220515 implements MigrationInterface {
  name = 'SeparateInvitationsFromResets1795938220515';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Invitations get their own purpose, so that a password reset requested by anyone for the
    // address no longer voids them.
    await queryRunner.query('ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_check');
    await queryRunner.query(
      `ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_check
         CHECK (purpose IN ('email_verification', 'password_reset', 'invitation'))`,
    );
    // A password given at registration was chosen by whoever registered, not necessarily by the
    // holder of the mailbox; the holder now chooses it through the verification link.
    await queryRunner.query(
      'UPDATE accounts SET password_hash = NULL, updated_at = now() WHERE email_verified_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The discarded registration passwords cannot come back; their accounts set one by reset.
    await queryRunner.query(
      `UPDATE account_tokens SET purpose = 'password_reset' WHERE purpose = 'invitation'`,
    );
    await queryRunner.query('ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_check');
    await queryRunner.query(
      `ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_check
         CHECK (purpose IN ('email_verification', 'password_reset'))`,
    );
  }
}

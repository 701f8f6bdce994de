import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * `invitation` is the link an invited user sets their first password with; it is apart from
 * `password_reset` so that a reset requested by anyone for the address does not void it.
 */
export type AccountTokenPurpose = 'email_verification' | 'password_reset' | 'invitation';

/** Single-use tokens sent by mail; only their hash is stored. */
@Entity('account_tokens')
export class AccountTokenEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ type: 'text' })
  purpose!: AccountTokenPurpose;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AccountRole } from './account-role';

@Entity('accounts')
export class AccountEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Normalised (trimmed, lower-case); unique. */
  @Column({ type: 'text' })
  email!: string;

  /** Null until the user sets a password (accounts created by invitation). */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'text' })
  role!: AccountRole;

  @Column({ name: 'employer_organisation_id', type: 'uuid', nullable: true })
  employerOrganisationId!: string | null;

  @Column({ name: 'is_organisation_admin', type: 'boolean', default: false })
  isOrganisationAdmin!: boolean;

  @Column({ name: 'member_state', type: 'char', length: 2, nullable: true })
  memberState!: string | null;

  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

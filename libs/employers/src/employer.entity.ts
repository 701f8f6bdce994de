import type { EmployerEntityType } from '@app/reference-data';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EmployerStatus } from './employer-status';

/** An employer organisation; only this library maps or names the table. */
@Entity('employer_organisations')
export class EmployerEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Legal name. */
  @Column({ type: 'text' })
  name!: string;

  /** Member State of establishment. */
  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @Column({ name: 'registration_number', type: 'text', nullable: true })
  registrationNumber!: string | null;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: EmployerEntityType;

  @Column({ type: 'text' })
  status!: EmployerStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt!: Date | null;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

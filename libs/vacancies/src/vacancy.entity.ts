import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ContractType, PayPeriod, VacancyLanguage, VacancySkill } from './vacancies.types';
import type { VacancyStatus } from './vacancy-status';

const numeric = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * How a transaction that then writes a vacancy, keeping its keys, locks its row: the key share that
 * rows referencing it (match sets being written) hold does not block it.
 */
export const VACANCY_WRITE_LOCK = { mode: 'for_no_key_update' } as const;

@Entity('vacancies')
export class VacancyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  status!: VacancyStatus;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'occupation_uri', type: 'text' })
  occupationUri!: string;

  @Column({ name: 'member_state', type: 'char', length: 2 })
  memberState!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ name: 'contact_name', type: 'text' })
  contactName!: string;

  @Column({ name: 'contact_email', type: 'text' })
  contactEmail!: string;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;

  @Column({ name: 'pay_min', type: 'numeric', nullable: true, transformer: numeric })
  payMin!: number | null;

  @Column({ name: 'pay_max', type: 'numeric', nullable: true, transformer: numeric })
  payMax!: number | null;

  @Column({ name: 'pay_currency', type: 'char', length: 3, nullable: true })
  payCurrency!: string | null;

  @Column({ name: 'pay_period', type: 'text', nullable: true })
  payPeriod!: PayPeriod | null;

  @Column({ name: 'contract_type', type: 'text', nullable: true })
  contractType!: ContractType | null;

  @Column({ name: 'hours_per_week', type: 'numeric', nullable: true, transformer: numeric })
  hoursPerWeek!: number | null;

  @Column({ name: 'number_of_posts', type: 'integer' })
  numberOfPosts!: number;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ type: 'jsonb' })
  skills!: VacancySkill[];

  @Column({ type: 'jsonb' })
  languages!: VacancyLanguage[];

  @Column({ name: 'min_eqf_level', type: 'smallint', nullable: true })
  minEqfLevel!: number | null;

  @Column({ name: 'min_experience_years', type: 'smallint', nullable: true })
  minExperienceYears!: number | null;

  @Column({ name: 'contributes_to_competitiveness', type: 'boolean' })
  contributesToCompetitiveness!: boolean;

  @Column({ name: 'competitiveness_justification', type: 'text', nullable: true })
  competitivenessJustification!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

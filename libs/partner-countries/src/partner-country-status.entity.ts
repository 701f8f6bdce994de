import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PartnerCountryStatus } from './partner-country-status';

/** One dated status decision for a third country; rows are history, the latest effective one applies. */
@Entity('partner_country_statuses')
export class PartnerCountryStatusEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @Column({ type: 'text' })
  status!: PartnerCountryStatus;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A registration number an NCP barred after a breach; organisations with it cannot register. */
@Entity('excluded_registration_numbers')
export class ExcludedRegistrationNumberEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @Column({ name: 'registration_number', type: 'text' })
  registrationNumber!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

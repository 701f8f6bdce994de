import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EmployerEntityType } from '../reference-data.types';

@Entity('member_states')
export class MemberStateEntity {
  @PrimaryColumn({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @Column({ type: 'boolean' })
  participating!: boolean;

  @Column({ name: 'participation_start_date', type: 'date', nullable: true })
  participationStartDate!: string | null;

  @Column({ name: 'notification_date', type: 'date', nullable: true })
  notificationDate!: string | null;

  @Column({ name: 'withdrawal_date', type: 'date', nullable: true })
  withdrawalDate!: string | null;

  @Column({ name: 'allowed_entity_types', type: 'text', array: true })
  allowedEntityTypes!: EmployerEntityType[];
}

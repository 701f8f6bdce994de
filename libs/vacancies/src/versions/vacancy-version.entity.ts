import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One published state of a vacancy, as its readers saw it. */
@Entity('vacancy_versions')
export class VacancyVersionEntity {
  @PrimaryColumn({ name: 'vacancy_id', type: 'uuid' })
  vacancyId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  /** The vacancy as `toVacancyView` gave it, dates as ISO strings. */
  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @Column({ name: 'changed_fields', type: 'text', array: true })
  changedFields!: string[];

  @Column({ type: 'boolean' })
  substantive!: boolean;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalizedAltLabels, LocalizedLabels } from '../taxonomy-language';

@Entity('occupations')
export class OccupationEntity {
  @PrimaryColumn({ type: 'text' })
  uri!: string;

  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ name: 'isco_code', type: 'text' })
  iscoCode!: string;

  @Column({ name: 'preferred_labels', type: 'jsonb' })
  preferredLabels!: LocalizedLabels;

  @Column({ name: 'alt_labels', type: 'jsonb' })
  altLabels!: LocalizedAltLabels;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'boolean' })
  obsolete!: boolean;
}

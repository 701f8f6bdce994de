import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalizedAltLabels, LocalizedLabels } from '../taxonomy-language';

@Entity('isco_groups')
export class IscoGroupEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  uri!: string;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  @Column({ name: 'preferred_labels', type: 'jsonb' })
  preferredLabels!: LocalizedLabels;

  @Column({ name: 'alt_labels', type: 'jsonb' })
  altLabels!: LocalizedAltLabels;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'boolean' })
  obsolete!: boolean;
}

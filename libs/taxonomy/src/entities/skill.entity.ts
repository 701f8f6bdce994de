import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalizedAltLabels, LocalizedLabels } from '../taxonomy-language';

@Entity('skills')
export class SkillEntity {
  @PrimaryColumn({ type: 'text' })
  uri!: string;

  @Column({ name: 'skill_type', type: 'text', nullable: true })
  skillType!: string | null;

  @Column({ name: 'reuse_level', type: 'text', nullable: true })
  reuseLevel!: string | null;

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

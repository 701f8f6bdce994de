import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RelationType } from '../import/release.types';

@Entity('occupation_skills')
export class OccupationSkillEntity {
  @PrimaryColumn({ name: 'occupation_uri', type: 'text' })
  occupationUri!: string;

  @PrimaryColumn({ name: 'skill_uri', type: 'text' })
  skillUri!: string;

  @Column({ name: 'relation_type', type: 'text' })
  relationType!: RelationType;
}

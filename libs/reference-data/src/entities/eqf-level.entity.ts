import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('eqf_levels')
export class EqfLevelEntity {
  @PrimaryColumn({ type: 'smallint' })
  level!: number;

  @Column({ type: 'text' })
  description!: string;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('cefr_levels')
export class CefrLevelEntity {
  @PrimaryColumn({ type: 'char', length: 2 })
  code!: string;

  @Column({ type: 'smallint' })
  rank!: number;

  @Column({ type: 'text' })
  name!: string;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('languages')
export class LanguageEntity {
  @PrimaryColumn({ type: 'char', length: 2 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;
}

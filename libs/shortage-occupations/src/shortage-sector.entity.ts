import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('shortage_sectors')
export class ShortageSectorEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ShortageEffect, ShortageLayer } from './shortage.types';

/** One version of a shortage-list entry; rows are closed (`supersededAt`) and never changed otherwise. */
@Entity('shortage_entries')
export class ShortageEntryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  layer!: ShortageLayer;

  @Column({ name: 'member_state', type: 'char', length: 2, nullable: true })
  memberState!: string | null;

  @Column({ type: 'text' })
  effect!: ShortageEffect;

  @Column({ name: 'occupation_uri', type: 'text', nullable: true })
  occupationUri!: string | null;

  @Column({ name: 'isco_code', type: 'text', nullable: true })
  iscoCode!: string | null;

  @Column({ name: 'sector_code', type: 'text' })
  sectorCode!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ type: 'boolean', default: false })
  withdrawn!: boolean;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;
}

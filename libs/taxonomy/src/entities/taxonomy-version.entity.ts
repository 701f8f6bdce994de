import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('taxonomy_versions')
export class TaxonomyVersionEntity {
  @PrimaryColumn({ type: 'text' })
  version!: string;

  @Column({ name: 'imported_at', type: 'timestamptz' })
  importedAt!: Date;

  @Column({ name: 'content_checksum', type: 'text' })
  contentChecksum!: string;

  @Column({ name: 'row_counts', type: 'jsonb' })
  rowCounts!: Record<string, number>;

  @Column({ name: 'skipped', type: 'jsonb' })
  skipped!: Record<string, number>;
}

import { OutboxService } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CsvFileSummary } from './csv-file';
import { parseRelease } from './parse-release';
import { locateRelease } from './release-files';
import type { ParsedRelease } from './release.types';
import { taxonomyContent, writeRelease } from './taxonomy-tables';

export type ImportProgress =
  | { phase: 'locate'; folder: string; version: string }
  | { phase: 'parse'; file: string; rows: number }
  | { phase: 'write'; table: string; changed: number };

export interface TaxonomyImportOptions {
  /** Version label when the folder name does not tell it (e.g. `v1.2.0`). */
  version?: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface TaxonomyImportReport {
  version: string;
  folder: string;
  /** False when the database already held exactly this release: nothing was written. */
  changed: boolean;
  changedRows: Record<string, number>;
  rowCounts: Record<string, number>;
  checksum: string;
  skipped: Record<string, number>;
  sourceFiles: CsvFileSummary[];
  timings: { parseMs: number; writeMs: number };
}

/**
 * Imports an ESCO release from a folder of official CSV exports. Every file is parsed and checked
 * before the first write, and all writes (plus the reindex request) share one transaction, so a
 * bad file or a crash leaves the previous taxonomy as it was.
 */
@Injectable()
export class TaxonomyImporter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async import(folder: string, options: TaxonomyImportOptions = {}): Promise<TaxonomyImportReport> {
    const progress = options.onProgress ?? (() => undefined);
    const release = await locateRelease(folder, options.version);
    progress({ phase: 'locate', folder: release.folder, version: release.version });
    const parseStarted = performance.now();
    const parsed = await parseRelease(release, (file, rows) => progress({ phase: 'parse', file, rows }));
    const writeStarted = performance.now();
    const outcome = await this.dataSource.transaction((manager) =>
      this.write(manager, parsed, (table, changed) => progress({ phase: 'write', table, changed })),
    );
    return {
      version: parsed.version,
      folder: release.folder,
      ...outcome,
      skipped: parsed.skipped,
      sourceFiles: parsed.sourceFiles,
      timings: {
        parseMs: Math.round(writeStarted - parseStarted),
        writeMs: Math.round(performance.now() - writeStarted),
      },
    };
  }

  private async write(
    manager: EntityManager,
    parsed: ParsedRelease,
    onTable: (table: string, changed: number) => void,
  ): Promise<Pick<TaxonomyImportReport, 'changed' | 'changedRows' | 'rowCounts' | 'checksum'>> {
    // One import at a time: a second one waits here and then finds the first one's result.
    await manager.query('LOCK TABLE taxonomy_versions IN SHARE ROW EXCLUSIVE MODE');
    const changedRows = await writeRelease(manager, parsed, onTable);
    const content = await taxonomyContent(manager);
    const [recorded] = await manager.query<{ content_checksum: string }[]>(
      'SELECT content_checksum FROM taxonomy_versions WHERE version = $1',
      [parsed.version],
    );
    const changed = recorded?.content_checksum !== content.checksum;
    if (changed) {
      await manager.query(
        `INSERT INTO taxonomy_versions (version, imported_at, content_checksum, row_counts, source_files, skipped)
         VALUES ($1, now(), $2, $3, $4, $5)
         ON CONFLICT (version) DO UPDATE SET imported_at = now(), content_checksum = EXCLUDED.content_checksum,
           row_counts = EXCLUDED.row_counts, source_files = EXCLUDED.source_files, skipped = EXCLUDED.skipped`,
        [
          parsed.version,
          content.checksum,
          JSON.stringify(content.rowCounts),
          JSON.stringify(parsed.sourceFiles),
          JSON.stringify(parsed.skipped),
        ],
      );
      await this.outbox.add(manager, 'taxonomy.reindex', { version: parsed.version });
    }
    return { changed, changedRows, rowCounts: content.rowCounts, checksum: content.checksum };
  }
}

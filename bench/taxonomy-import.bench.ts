import 'reflect-metadata';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { MEILI_CLIENT, settle } from '@app/search';
import {
  shippedEscoFolder,
  TaxonomyImporter,
  TaxonomyIndexer,
  TaxonomyModule,
  TaxonomySearchModule,
} from '@app/taxonomy';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Meilisearch } from 'meilisearch';
import { startIsolatedRun } from './support/isolated-run';
import { printRuntime } from './support/measure';

/**
 * Imports the shipped ESCO release into a fresh database and builds the search indexes, printing
 * how long each part takes. Run with `npm run bench:taxonomy`.
 */
async function main(): Promise<void> {
  printRuntime();
  const { config, dispose } = await startIsolatedRun('taxonomy');

  @Module({ imports: [ConfigModule, DatabaseModule, TaxonomyModule, TaxonomySearchModule] })
  class BenchModule {}

  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
  try {
    const started = performance.now();
    const report = await app.get(TaxonomyImporter).import(shippedEscoFolder());
    const imported = performance.now();
    const indexed = await app.get(TaxonomyIndexer).rebuild();
    const done = performance.now();
    let mark = performance.now();
    const again = await app.get(TaxonomyImporter).import(shippedEscoFolder(), {
      onProgress: (progress) => {
        if (progress.phase !== 'write') return;
        process.stdout.write(`    ${progress.table} ${Math.round(performance.now() - mark)} ms\n`);
        mark = performance.now();
      },
    });
    const repeated = performance.now();

    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const rows = Object.values(report.rowCounts).reduce((sum, count) => sum + count, 0);
    process.stdout.write(
      [
        `ESCO ${report.version}: ${rows.toLocaleString('en-US')} rows in ${Object.keys(report.rowCounts).length} tables`,
        `  parse + validate CSV   ${seconds(report.timings.parseMs)}`,
        `  Postgres write         ${seconds(report.timings.writeMs)}`,
        `  Postgres import total  ${seconds(imported - started)}`,
        `  search index build     ${seconds(done - imported)} (${indexed.occupations} occupations, ${indexed.skills} skills)`,
        `  total                  ${seconds(done - started)}`,
        `  re-import, no change   ${seconds(repeated - done)} (changed: ${again.changed})`,
        '',
      ].join('\n'),
    );
    const client = app.get<Meilisearch>(MEILI_CLIENT);
    for (const name of ['occupations', 'skills']) {
      await settle(client.deleteIndex(`${config.search.indexPrefix}${name}`));
    }
  } finally {
    await app.close();
    await dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

import 'reflect-metadata';
import { ConfigModule, loadConfig } from '@app/config';
import { databaseName, DatabaseModule, dropDatabase, migrate } from '@app/database';
import { ensureLocalMeilisearch, MEILI_CLIENT } from '@app/search';
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

/**
 * Imports the shipped ESCO release into a fresh database and builds the search indexes, printing
 * how long each part takes. Run with `npm run bench:taxonomy`.
 */
async function main(): Promise<void> {
  const base = loadConfig();
  const url = new URL(base.database.url);
  url.pathname = `/${databaseName(base.database.url)}_bench_taxonomy`;
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: url.toString(),
    SEARCH_INDEX_PREFIX: 'bench_',
    LOG_LEVEL: 'warn',
  };
  const local = base.search.url
    ? undefined
    : await ensureLocalMeilisearch({ dataDir: base.dataDir, instance: 'meilisearch-bench' });
  if (local) Object.assign(env, { MEILI_URL: local.url, MEILI_MASTER_KEY: local.masterKey });
  // The Nest context reads its configuration from the environment.
  Object.assign(process.env, env);
  const config = loadConfig();

  await dropDatabase(config.database.url);
  await migrate(config);

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
    for (const uid of ['bench_occupations', 'bench_skills']) await client.deleteIndex(uid).waitTask();
  } finally {
    await app.close();
    await dropDatabase(config.database.url);
    await local?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

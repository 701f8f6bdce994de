import { ReferenceDataSeeder } from '@app/reference-data';
import {
  shippedEscoFolder,
  TaxonomyImportError,
  TaxonomyImporter,
  TaxonomyLookup,
  type ImportProgress,
  type TaxonomyImportReport,
} from '@app/taxonomy';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TaxonomyCliModule } from './taxonomy-cli.module';

type Log = (line: string) => void;

const number = (value: number) => value.toLocaleString('en-US');

async function withContext<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(TaxonomyCliModule, { logger: ['error', 'warn'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** `taxonomy:import [folder] [--version vX.Y.Z]`: imports an ESCO release (default: the shipped one). */
export async function importTaxonomyCommand(args: string[], log: Log = console.log): Promise<void> {
  const versionAt = args.indexOf('--version');
  const version = versionAt >= 0 ? args[versionAt + 1] : undefined;
  const [folder] = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--version');
  try {
    await withContext((app) => runImport(app, folder ?? shippedEscoFolder(), version, log));
  } catch (error) {
    if (!(error instanceof TaxonomyImportError)) throw error;
    process.stderr.write(`Import failed, the previous taxonomy is unchanged.\n${error.toString()}\n`);
    process.exit(1);
  }
}

/** `reference:seed`: loads countries, languages and Member States from `data/reference`. */
export async function seedReferenceDataCommand(log: Log = console.log): Promise<void> {
  const report = await withContext((app) => app.get(ReferenceDataSeeder).seed());
  log(
    `Reference data: ${report.countries} countries, ${report.languages} languages, ` +
      `${report.memberStatesAdded} Member State(s) added`,
  );
}

/** Used by `start`: seeds reference data and imports the shipped taxonomy into an empty database. */
export async function ensureShippedData(log: Log): Promise<void> {
  await withContext(async (app) => {
    const seeder = app.get(ReferenceDataSeeder);
    if (!(await seeder.isSeeded())) {
      const report = await seeder.seed();
      log(`Seeded reference data (${report.countries} countries, ${report.languages} languages)`);
    }
    if (!(await app.get(TaxonomyLookup).currentVersion())) {
      log('No taxonomy yet: importing the shipped ESCO release…');
      await runImport(app, shippedEscoFolder(), undefined, log);
    }
  });
}

async function runImport(
  app: INestApplicationContext,
  folder: string,
  version: string | undefined,
  log: Log,
): Promise<TaxonomyImportReport> {
  const started = performance.now();
  const report = await app
    .get(TaxonomyImporter)
    .import(folder, { version, onProgress: progressPrinter(log) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const counts = Object.entries(report.rowCounts).map(([table, rows]) => `${table} ${number(rows)}`);
  log(`Taxonomy ${report.version}: ${counts.join(', ')}`);
  for (const [reason, rows] of Object.entries(report.skipped))
    log(`  skipped ${number(rows)} row(s): ${reason}`);
  log(
    report.changed
      ? `Imported in ${seconds} s; the worker rebuilds the search indexes`
      : `Already up to date (checksum ${report.checksum.slice(0, 12)}), nothing changed (${seconds} s)`,
  );
  return report;
}

function progressPrinter(log: Log): (progress: ImportProgress) => void {
  const interactive = process.stdout.isTTY;
  let lastFile: string | undefined;
  return (progress) => {
    switch (progress.phase) {
      case 'locate':
        log(`Reading ESCO ${progress.version} from ${progress.folder}`);
        return;
      case 'parse': {
        const line = `  ${progress.file.padEnd(40)} ${number(progress.rows).padStart(9)} rows`;
        if (interactive)
          process.stdout.write(`${lastFile === progress.file ? '\r' : lastFile ? '\n' : ''}${line}`);
        else log(line);
        lastFile = progress.file;
        return;
      }
      case 'write':
        if (interactive && lastFile) process.stdout.write('\n');
        lastFile = undefined;
        log(`  wrote ${progress.table.padEnd(38)} ${number(progress.changed).padStart(9)} changed`);
        return;
    }
  };
}

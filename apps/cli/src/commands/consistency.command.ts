import { ConfigModule } from '@app/config';
import { ConsistencyChecker, ConsistencyModule, type ConsistencyReport } from '@app/consistency';
import { DatabaseModule } from '@app/database';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

type Log = (line: string) => void;

@Module({ imports: [ConfigModule, DatabaseModule, ConsistencyModule] })
class ConsistencyCliModule {}

export function printConsistencyReport(report: ConsistencyReport, log: Log): void {
  for (const { index, expected, indexed } of report.totals.indexes)
    log(`  ${index.padEnd(12)} expected ${expected} document(s), indexed ${indexed}`);
  const { vacancies, candidates, stored } = report.totals.matches;
  log(
    `  ${'matches'.padEnd(12)} ${vacancies} matchable vacancies, ${candidates} candidates, ${stored} stored pair(s)`,
  );
  for (const { kind, count, sample } of report.kinds)
    log(
      `  ${kind.padEnd(22)} ${count}${count > 0 ? `: ${sample.join(', ')}${count > sample.length ? ', …' : ''}` : ''}`,
    );
}

/**
 * `consistency:check [--repair]`: compares PostgreSQL with every search index and the match tables
 * and prints drift by kind; `--repair` records the jobs that fix it (the worker runs them). Exits 1
 * when drift was found and not repaired.
 */
export async function checkConsistencyCommand(args: string[], log: Log = console.log): Promise<void> {
  const repair = args.includes('--repair');
  const app = await NestFactory.createApplicationContext(ConsistencyCliModule, { logger: ['error', 'warn'] });
  let report: ConsistencyReport;
  try {
    report = await app.get(ConsistencyChecker).check({ repair }, (step) => log(`… ${step}`));
  } finally {
    await app.close();
  }
  printConsistencyReport(report, log);
  if (report.drift === 0)
    log(`No drift: PostgreSQL, the search indexes and the matches agree (${report.durationMs} ms)`);
  else if (repair) log(`Drift ${report.drift}: repair jobs recorded; the worker brings them in line`);
  else {
    log(`Drift ${report.drift}: run again with --repair to fix it`);
    process.exit(1);
  }
}

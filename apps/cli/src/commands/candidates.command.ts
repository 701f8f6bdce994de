import { CandidateIndexer, CandidatesModule, type IndexCheckReport } from '@app/candidates';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

type Log = (line: string) => void;

@Module({ imports: [ConfigModule, DatabaseModule, CandidatesModule] })
class CandidatesCliModule {}

async function withIndexer<T>(work: (indexer: CandidateIndexer) => Promise<T>): Promise<T> {
  const app: INestApplicationContext = await NestFactory.createApplicationContext(CandidatesCliModule, {
    logger: ['error', 'warn'],
  });
  try {
    return await work(app.get(CandidateIndexer));
  } finally {
    await app.close();
  }
}

function printReport(report: IndexCheckReport, log: Log): void {
  log(`Expected ${report.expected} document(s), index holds ${report.indexed}`);
  for (const [kind, codes] of [
    ['missing', report.missing],
    ['stale', report.stale],
    ['extra', report.extra],
  ] as const) {
    const shown = codes.slice(0, 20).join(', ');
    log(
      `  ${kind.padEnd(8)} ${codes.length}${codes.length ? `: ${shown}${codes.length > 20 ? ', …' : ''}` : ''}`,
    );
  }
}

/** `candidates:reindex`: rebuilds the candidates index from Postgres into a new index, then swaps. */
export async function reindexCandidatesCommand(log: Log = console.log): Promise<void> {
  const { documents, afterSwap } = await withIndexer((indexer) => indexer.rebuild());
  log(`Candidates index rebuilt and swapped in: ${documents} document(s)`);
  const drift = afterSwap.upserted + afterSwap.removed;
  if (drift > 0) log(`Re-synced ${drift} candidate(s) changed while the index was being built`);
}

/** `candidates:check-index [--repair]`: reports drift; exits 1 when drift remains unrepaired. */
export async function checkCandidatesIndexCommand(args: string[], log: Log = console.log): Promise<void> {
  const repair = args.includes('--repair');
  const report = await withIndexer((indexer) => indexer.check({ repair }));
  printReport(report, log);
  const drift = report.missing.length + report.stale.length + report.extra.length;
  if (drift === 0) log('The candidates index matches PostgreSQL');
  else if (repair) log(`Repaired ${drift} document(s)`);
  else {
    log('Run again with --repair to fix it');
    process.exit(1);
  }
}

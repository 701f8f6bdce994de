import 'reflect-metadata';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import {
  compileCandidate,
  compileVacancy,
  CROSS_FACTOR,
  FeatureLoader,
  FeatureStore,
  Matcher,
  MatchingFeatures,
  MatchingModule,
  scorePair,
} from '@app/matching';
import { ReferenceDataModule, ReferenceDataSeeder } from '@app/reference-data';
import { ShortageOccupationsModule, ShortageSeeder } from '@app/shortage-occupations';
import { shippedEscoFolder, TaxonomyImporter, TaxonomyModule } from '@app/taxonomy';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { loadCatalogue, type SyntheticCatalogue } from './synthetic/catalogue';
import { generateCandidates, generateEmployers, generateVacancies } from './synthetic/generate';
import { insertCandidates, insertEmployers, insertVacancies } from './synthetic/load';
import { SeededRandom } from './synthetic/random';
import { startIsolatedRun } from './support/isolated-run';
import { numberArg, percentile, printRuntime, timed } from './support/measure';

/**
 * Matching engine speed at scale. Synthetic candidates and vacancies (the shared ESCO-based
 * generator) go into an isolated database; the worker's feature store is then built from Postgres
 * exactly as a worker builds it, and one run reports: one vacancy against the pool, one candidate
 * against every vacancy, full re-match throughput with results written, the store's memory, and a
 * naive baseline that loads every candidate from Postgres and scores each one.
 * `--candidates` counts active, available profiles.
 * Run with `npm run bench:matching [-- --candidates 100000 --vacancies 10000 --samples 200
 * --naive 5 --rematch-vacancies 300 --rematch-candidates 1500 --rank-alone 1 --seed 7]`.
 * `--naive 0` leaves out the naive baseline and `--rank-alone 0` the second, write-free pass of
 * ranking and explaining (`bench:matching-scale` measures both at a million candidates).
 */
const CANDIDATES = numberArg('candidates', 100_000);
const VACANCIES = numberArg('vacancies', 10_000);
const SAMPLES = numberArg('samples', 200);
const NAIVE_SAMPLES = numberArg('naive', 5);
const REMATCH_VACANCIES = numberArg('rematch-vacancies', 300);
const REMATCH_CANDIDATES = numberArg('rematch-candidates', 1_500);
const RANK_ALONE = numberArg('rank-alone', 1) > 0;
const SEED = numberArg('seed', 7);
const WARM_UP = 20;
const PAGE = 5_000;

const MiB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const spread = (values: number[]) => `p50 ${ms(percentile(values, 50))}  p95 ${ms(percentile(values, 95))}`;

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Peak RSS and heap, sampled between awaits and after every measured call. */
class MemoryWatch {
  rss = 0;
  heap = 0;
  private readonly timer = setInterval(() => this.sample(), 20);

  sample(): void {
    const usage = process.memoryUsage();
    this.rss = Math.max(this.rss, usage.rss);
    this.heap = Math.max(this.heap, usage.heapUsed);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

function timeEach<T>(items: readonly T[], run: (item: T) => unknown, memory: MemoryWatch): number[] {
  return items.map((item) => {
    const started = performance.now();
    run(item);
    const elapsed = performance.now() - started;
    memory.sample();
    return elapsed;
  });
}

async function seed(app: INestApplicationContext, dataSource: DataSource) {
  await timed('reference data + shortage seed', async () => {
    await app.get(ReferenceDataSeeder).seed();
    await app.get(ShortageSeeder).seed();
  });
  await timed('ESCO import', () => app.get(TaxonomyImporter).import(shippedEscoFolder()));
  const catalogue = await loadCatalogue(dataSource);
  const employers = generateEmployers(catalogue, { count: Math.ceil(VACANCIES / 20), seed: SEED });
  await timed('Postgres bulk insert, candidates', () => insertCandidates(dataSource, pool(catalogue)));
  await timed('Postgres bulk insert, vacancies', async () => {
    await insertEmployers(dataSource, employers);
    await insertVacancies(
      dataSource,
      generateVacancies(catalogue, employers, { count: VACANCIES, seed: SEED }),
    );
  });
  await dataSource.query('ANALYZE');
}

/**
 * Generated profiles up to the one that makes CANDIDATES active and available: the pool the issue
 * sizes, with the generator's drafts, expired and paused profiles around it.
 */
function pool(catalogue: SyntheticCatalogue) {
  const generated = generateCandidates(catalogue, { count: Math.ceil(CANDIDATES / 0.85), seed: SEED });
  let matchable = 0;
  const last = generated.findIndex(
    (candidate) =>
      candidate.status === 'active' && candidate.availability === 'available' && ++matchable === CANDIDATES,
  );
  return last < 0 ? generated : generated.slice(0, last + 1);
}

/** Every active candidate read from Postgres and scored against the vacancy; no index, no pruning. */
async function naiveRank(
  loader: FeatureLoader,
  store: FeatureStore,
  vacancyId: string,
  limit: number,
  minScore: number,
): Promise<number[]> {
  const [vacancy] = await loader.vacanciesByIds([vacancyId]);
  const compiled = compileVacancy(vacancy.input, store.model.space);
  const scores: number[] = [];
  for (let after: string | null = null; ;) {
    const page = await loader.activeCandidatesAfter(after, PAGE);
    for (const candidate of page) {
      const score = scorePair(compiled, compileCandidate(candidate.input, store.model.space), store.model);
      if (score >= minScore) scores.push(score);
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1].input.id;
  }
  return scores.sort((a, b) => b - a).slice(0, limit);
}

/** `matching.refresh` timed end to end, then the same computation alone, without writing. */
async function measureFullRematch(app: INestApplicationContext, dataSource: DataSource, memory: MemoryWatch) {
  const matcher = app.get(Matcher);
  const started = performance.now();
  process.stdout.write('  full re-match (matching.refresh) started\n');
  const refreshed = await matcher.refreshAll();
  const seconds = (performance.now() - started) / 1000;
  memory.sample();
  const [sizes] = await dataSource.query<
    { vacancy_rows: number; candidate_rows: number; table_bytes: string; explanation_bytes: number }[]
  >(
    `SELECT count(*) FILTER (WHERE in_vacancy_top)::int AS vacancy_rows,
            count(*) FILTER (WHERE in_candidate_top)::int AS candidate_rows,
            pg_total_relation_size('matches')::text AS table_bytes,
            avg(pg_column_size(explanation))::float8 AS explanation_bytes
       FROM matches`,
  );
  let computeSeconds = Number.NaN;
  let rows = 0;
  if (RANK_ALONE) {
    const store = await app.get(MatchingFeatures).current();
    const computeStarted = performance.now();
    for await (const row of matcher.expectedMatches(store)) if (row.score >= 0) rows += 1;
    computeSeconds = (performance.now() - computeStarted) / 1000;
    memory.sample();
  }
  return {
    seconds,
    rankSeconds: refreshed.rankSeconds,
    swapSeconds: refreshed.swapSeconds,
    written: refreshed.written,
    vacancyRows: sizes.vacancy_rows,
    candidateRows: sizes.candidate_rows,
    tableBytes: Number(sizes.table_bytes),
    explanationBytes: sizes.explanation_bytes,
    computeSeconds,
    rows,
  };
}

async function main(): Promise<void> {
  printRuntime();
  const { dispose } = await startIsolatedRun('matching');

  @Module({
    imports: [
      ConfigModule,
      DatabaseModule,
      TaxonomyModule,
      ReferenceDataModule,
      ShortageOccupationsModule,
      MatchingModule,
    ],
  })
  class BenchModule {}

  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
  const memory = new MemoryWatch();
  try {
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const { matching } = app.get<AppConfig>(APP_CONFIG);
    process.stdout.write(
      `Matching benchmark: ${CANDIDATES} active and available candidates, ${VACANCIES} vacancies, seed ${SEED}\n`,
    );
    await seed(app, dataSource);

    collect();
    const before = process.memoryUsage();
    memory.rss = before.rss;
    memory.heap = before.heapUsed;
    const store = await timed('worker store built from Postgres', () => app.get(MatchingFeatures).current());
    collect();
    const resident = process.memoryUsage();
    process.stdout.write(
      `  store: ${store.candidateCount} active and available candidates, ${store.vacancyCount} vacancies\n`,
    );

    const random = new SeededRandom(SEED ^ 0x3a7c);
    const vacancyIds = store.vacancyIds();
    const candidateIds = store.candidateIds();
    const vacancyLimit = { limit: matching.topPerVacancy * CROSS_FACTOR, minScore: matching.minScore };
    const candidateLimit = { limit: matching.topPerCandidate * CROSS_FACTOR, minScore: matching.minScore };
    const sampleOf = (ids: string[], count: number) => Array.from({ length: count }, () => random.pick(ids));

    timeEach(sampleOf(vacancyIds, WARM_UP), (id) => store.rankCandidates(id, vacancyLimit), memory);
    const vacancyTimes = timeEach(
      sampleOf(vacancyIds, SAMPLES),
      (id) => store.rankCandidates(id, vacancyLimit),
      memory,
    );
    timeEach(sampleOf(candidateIds, WARM_UP), (id) => store.rankVacancies(id, candidateLimit), memory);
    const candidateTimes = timeEach(
      sampleOf(candidateIds, SAMPLES),
      (id) => store.rankVacancies(id, candidateLimit),
      memory,
    );

    const matcher = app.get(Matcher);
    const rematchVacancies = random.sample(vacancyIds, Math.min(REMATCH_VACANCIES, vacancyIds.length));
    const rematchCandidates = random.sample(candidateIds, Math.min(REMATCH_CANDIDATES, candidateIds.length));
    const rankOnly = (ids: string[], rank: (id: string) => unknown) =>
      (ids.length / timeEach(ids, rank, memory).reduce((sum, t) => sum + t, 0)) * 1000;
    const rankVacanciesPerSecond = rankOnly(rematchVacancies, (id) =>
      store.rankCandidates(id, { limit: matching.topPerVacancy, minScore: matching.minScore }),
    );
    const rankCandidatesPerSecond = rankOnly(rematchCandidates, (id) =>
      store.rankVacancies(id, { limit: matching.topPerCandidate, minScore: matching.minScore }),
    );
    const rate = async (ids: string[], write: () => Promise<void>) => {
      const started = performance.now();
      await write();
      memory.sample();
      return (ids.length / (performance.now() - started)) * 1000;
    };
    const vacanciesPerSecond = await rate(rematchVacancies, () =>
      matcher.rematch(store, rematchVacancies, []),
    );
    const candidatesPerSecond = await rate(rematchCandidates, () =>
      matcher.rematch(store, [], rematchCandidates),
    );
    const [{ count: stored }] = await dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM matches',
    );
    const fullSeconds = vacancyIds.length / vacanciesPerSecond + candidateIds.length / candidatesPerSecond;

    // The real thing: every set ranked, explained and written in one replacement (what matching.refresh runs).
    const full = await measureFullRematch(app, dataSource, memory);
    const workerPeak = { rss: memory.rss, heap: memory.heap };

    const loader = app.get(FeatureLoader);
    const naiveSamples = NAIVE_SAMPLES > 0 ? sampleOf(vacancyIds, NAIVE_SAMPLES) : [];
    const naiveTimes: number[] = [];
    const naiveEngine: number[] = [];
    for (const id of naiveSamples) {
      const started = performance.now();
      await naiveRank(loader, store, id, vacancyLimit.limit, vacancyLimit.minScore);
      naiveTimes.push(performance.now() - started);
      naiveEngine.push(timeEach([id], (same) => store.rankCandidates(same, vacancyLimit), memory)[0]);
    }

    const ratio = (p: number, a: number[], b: number[]) => (percentile(a, p) / percentile(b, p)).toFixed(0);
    process.stdout.write(
      [
        '',
        `${store.candidateCount.toLocaleString('en-US')} candidates, ${store.vacancyCount.toLocaleString('en-US')} vacancies in the worker store (${SAMPLES} samples after ${WARM_UP} warm-up)`,
        `  vacancy → pool (top ${vacancyLimit.limit})        ${spread(vacancyTimes)}`,
        `  candidate → vacancies (top ${candidateLimit.limit})  ${spread(candidateTimes)}`,
        ...(NAIVE_SAMPLES > 0
          ? [
              `  naive: every candidate read from Postgres and scored, ${NAIVE_SAMPLES} vacancies`,
              `    naive                                ${spread(naiveTimes)}`,
              `    engine, same vacancies               ${spread(naiveEngine)}`,
              `    speed-up ×${ratio(50, naiveTimes, naiveEngine)} at p50, ×${ratio(95, naiveTimes, naiveEngine)} at p95` +
                ` (against the ${SAMPLES}-sample engine figures: ×${ratio(50, naiveTimes, vacancyTimes)} / ×${ratio(95, naiveTimes, vacancyTimes)})`,
            ]
          : ['  naive baseline: not run (--naive 0)']),
        `  full re-match, ranking only            ${rankVacanciesPerSecond.toFixed(0)} vacancies/s, ${rankCandidatesPerSecond.toFixed(0)} candidates/s`,
        `  full re-match with results written     ${vacanciesPerSecond.toFixed(0)} vacancies/s, ${candidatesPerSecond.toFixed(0)} candidates/s` +
          ` (${rematchVacancies.length} + ${rematchCandidates.length} sets, ${stored} match rows)`,
        `    → all ${vacancyIds.length} vacancy and ${candidateIds.length} candidate sets one set at a time: about ${(fullSeconds / 60).toFixed(1)} min`,
        `  full re-match (matching.refresh: store sync, every set ranked + explained, COPY, one swap)` +
          `  ${(full.seconds / 60).toFixed(1)} min`,
        `    ${full.written.toLocaleString('en-US')} match rows (${full.vacancyRows.toLocaleString('en-US')} in vacancy sets, ${full.candidateRows.toLocaleString('en-US')} in candidate sets), ` +
          `table + indexes ${MiB(full.tableBytes)}, mean explanation ${full.explanationBytes.toFixed(0)} bytes`,
        `    ranked, explained and written ${(full.rankSeconds / 60).toFixed(1)} min, swapped in ${(full.swapSeconds / 60).toFixed(1)} min; ` +
          (RANK_ALONE
            ? `ranking + explaining alone ${(full.computeSeconds / 60).toFixed(1)} min (${full.rows.toLocaleString('en-US')} rows)`
            : 'ranking + explaining alone: not run (--rank-alone 0)'),
        `  memory after the store was built: RSS ${MiB(resident.rss)}, heap ${MiB(resident.heapUsed)}` +
          ` (heap +${MiB(resident.heapUsed - before.heapUsed)} for the store);` +
          ` worker peak RSS ${MiB(workerPeak.rss)}, heap ${MiB(workerPeak.heap)}`,
        '',
      ].join('\n'),
    );
  } finally {
    memory.stop();
    await app.close();
    await dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

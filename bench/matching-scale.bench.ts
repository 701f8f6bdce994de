import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import {
  candidateShard,
  CROSS_FACTOR,
  FeatureLoader,
  mergeShardLists,
  pairTie,
  FeatureStore,
  MatchingFeatures,
  MatchingModule,
  SkillSpace,
  storedExplanation,
  type ExplainableList,
  type MatchCandidateInput,
  type MatchVacancyInput,
} from '@app/matching';
import { cefrRank, ReferenceDataModule, ReferenceDataSeeder } from '@app/reference-data';
import { ShortageOccupationsModule, ShortageSeeder } from '@app/shortage-occupations';
import { shippedEscoFolder, TaxonomyImporter, TaxonomyModule } from '@app/taxonomy';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { loadCatalogue } from './synthetic/catalogue';
import {
  generateCandidates,
  generateEmployers,
  generateVacancies,
  type SyntheticCandidate,
  type SyntheticCatalogue,
  type SyntheticVacancy,
} from './synthetic/generate';
import { SeededRandom } from './synthetic/random';
import { startIsolatedRun } from './support/isolated-run';
import { numberArg, percentile, printRuntime, timed } from './support/measure';

/**
 * The engine at a million candidates, in one worker's memory. ESCO and the seeds are imported into
 * an isolated database as usual; the candidates and vacancies come from the shared generator
 * straight into the feature store (at this size a Postgres load is a separate matter: see
 * `bench:matching` for the load path and for written full re-matches). Reports the store build
 * time, the worker's RSS, vacancy → pool and candidate → vacancies p50/p95, and the full re-match's
 * ranking and explaining time, measured on a sample of sets and scaled to all of them.
 * Run with `npm run bench:matching-scale [-- --candidates 1000000 --vacancies 50000 --samples 100
 * --rematch-sample 2000 --seed 7]`.
 *
 * With `--shards K` (K > 1) it measures the sharded mode instead. First each shard in a process of
 * its own, as a worker serving one shard holds it (`--shard i` runs one of them alone): its
 * candidates (split by `candidateShard`) and every vacancy, the process's RSS and live heap, and
 * vacancy → pool p50/p95 on that shard. Then the K stores side by side in this process, for the
 * flow's computing path per vacancy: the slowest shard plus the merge (`mergeShardLists`); the
 * queue hops of the flow are not included.
 */
const CANDIDATES = numberArg('candidates', 1_000_000);
const VACANCIES = numberArg('vacancies', 50_000);
const SAMPLES = numberArg('samples', 100);
const REMATCH_SAMPLE = numberArg('rematch-sample', 2_000);
const SEED = numberArg('seed', 7);
const SHARDS = numberArg('shards', 1);
/** With `--shards K`: build and measure only shard `i`, in this process. */
const SHARD = numberArg('shard', -1);
const CHUNK = 50_000;

const GiB = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const spread = (values: number[]) => `p50 ${ms(percentile(values, 50))}  p95 ${ms(percentile(values, 95))}`;
const collect = () => (globalThis as { gc?: () => void }).gc?.();

function timeEach<T>(items: readonly T[], run: (item: T) => unknown): number[] {
  return items.map((item) => {
    const started = performance.now();
    run(item);
    return performance.now() - started;
  });
}

async function main(): Promise<void> {
  printRuntime();
  if (SHARDS > 1 && SHARD < 0) for (let shard = 0; shard < SHARDS; shard++) runShardProcess(shard);
  const { dispose } = await startIsolatedRun(SHARD < 0 ? 'matching_scale' : `matching_scale_shard${SHARD}`);

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
  try {
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const { matching } = app.get<AppConfig>(APP_CONFIG);
    process.stdout.write(
      `Matching at scale: ${CANDIDATES} active and available candidates, ${VACANCIES} vacancies, seed ${SEED}\n`,
    );
    await timed('reference data, shortage seed, ESCO', async () => {
      await app.get(ReferenceDataSeeder).seed();
      await app.get(ShortageSeeder).seed();
      await app.get(TaxonomyImporter).import(shippedEscoFolder());
    });
    const catalogue = await loadCatalogue(dataSource);
    const loader = app.get(FeatureLoader);
    const space = new SkillSpace(await loader.skillEdges());
    const store = new FeatureStore(app.get(MatchingFeatures).model(space));
    const employers = generateEmployers(catalogue, { count: Math.ceil(VACANCIES / 20), seed: SEED });
    const facts = await loader.facts();
    store.facts = {
      verifiedEmployers: new Set(employers.map((employer) => employer.id)),
      participatingStates: new Set(catalogue.memberStates),
      blockedCountries: facts.blockedCountries,
    };
    collect();
    const before = process.memoryUsage().rss;

    const isco = new Map(catalogue.occupations.map((occupation) => [occupation.uri, occupation.iscoCode]));
    const generation = { catalogue, employers, isco };
    if (SHARD >= 0) {
      await measureOwnShard(store, { catalogue, employers, isco }, matching, before);
      return;
    }
    if (SHARDS > 1) {
      await measureShards(
        () => {
          const shardStore = new FeatureStore(store.model);
          shardStore.facts = store.facts;
          return shardStore;
        },
        generation,
        matching,
        before,
      );
      return;
    }
    let building = await timed('vacancies generated and stored', () => fillVacancies(store, generation));
    building += await timed('candidates generated and stored', () =>
      fillCandidates(store, generation, () => true),
    );
    collect();
    const resident = process.memoryUsage();

    const random = new SeededRandom(SEED ^ 0x51ab);
    const vacancyIds = store.vacancyIds();
    const candidateIds = store.candidateIds();
    const sample = (ids: string[], count: number) => Array.from({ length: count }, () => random.pick(ids));
    const vacancyLimit = { limit: matching.topPerVacancy * CROSS_FACTOR, minScore: matching.minScore };
    const candidateLimit = { limit: matching.topPerCandidate * CROSS_FACTOR, minScore: matching.minScore };
    timeEach(sample(vacancyIds, 10), (id) => store.rankCandidates(id, vacancyLimit));
    const vacancyTimes = timeEach(sample(vacancyIds, SAMPLES), (id) =>
      store.rankCandidates(id, vacancyLimit),
    );
    timeEach(sample(candidateIds, 10), (id) => store.rankVacancies(id, candidateLimit));
    const candidateTimes = timeEach(sample(candidateIds, SAMPLES), (id) =>
      store.rankVacancies(id, candidateLimit),
    );

    const rematch = rankingAndExplaining(store, matching, random);
    const peak = process.memoryUsage().rss;

    process.stdout.write(
      [
        '',
        `${store.candidateCount.toLocaleString('en-US')} candidates, ${store.vacancyCount.toLocaleString('en-US')} vacancies in one worker's store`,
        `  store build (putVacancy + putCandidate only)   ${(building / 1000).toFixed(1)} s`,
        `  worker RSS after the build                     ${GiB(resident.rss)} (+${GiB(resident.rss - before)} for the store; heap ${GiB(resident.heapUsed)}); peak ${GiB(Math.max(peak, resident.rss))}`,
        `  vacancy → pool (top ${vacancyLimit.limit})                      ${spread(vacancyTimes)}`,
        `  candidate → vacancies (top ${candidateLimit.limit})              ${spread(candidateTimes)}`,
        `  full re-match, ranking + explaining, scaled from ${describeRematch(rematch)} before writing`,
        '',
      ].join('\n'),
    );
  } finally {
    await app.close();
    await dispose();
  }
}

/** A full re-match's ranking and explaining on one store, scaled from a sample of its sets. */
interface RematchEstimate {
  sampled: { vacancies: number; candidates: number };
  /** Scaled to all of the store's sets, by side and by step. */
  minutes: {
    vacancies: { ranking: number; explaining: number };
    candidates: { ranking: number; explaining: number };
  };
  rowsEach: { vacancies: number; candidates: number };
  /** Pairs checked one by one per set ranked (`FeatureStore.pairsChecked`), by side. */
  scoredEach: { vacancies: number; candidates: number };
  /** Explaining time per row, as written and through the explanation object (the former path). */
  microsPerRow: { written: number; throughObject: number };
}

/**
 * Ranks a sample of the store's sets at their own sizes and explains each row kept into the text
 * the matches table stores, as a full re-match does (`candidateList` / `vacancyList`, then
 * `stored` per row), and scales the time of each step to all of the store's sets. Each row is also
 * explained through the explanation object and its `storedExplanation`, as rows were written
 * before, to compare the time per row of both.
 */
function rankingAndExplaining(
  store: FeatureStore,
  matching: AppConfig['matching'],
  random: SeededRandom,
): RematchEstimate {
  const own = { minScore: matching.minScore };
  const sample = (ids: string[]) =>
    Array.from({ length: Math.min(REMATCH_SAMPLE, ids.length) }, () => random.pick(ids));
  let rowsExplained = 0;
  let throughObject = 0;
  let written = 0;
  const measure = (ids: string[], all: number, list: (id: string) => ExplainableList) => {
    let rows = 0;
    let ranking = 0;
    let explaining = 0;
    const scoredBefore = store.pairsChecked;
    for (const id of ids) {
      const started = performance.now();
      const ranked = list(id);
      const explainedFrom = performance.now();
      for (let at = 0; at < ranked.matches.length; at++) ranked.stored(at);
      const objectsFrom = performance.now();
      for (let at = 0; at < ranked.matches.length; at++) storedExplanation(ranked.explain(at).explanation);
      throughObject += performance.now() - objectsFrom;
      explaining += objectsFrom - explainedFrom;
      ranking += explainedFrom - started;
      rows += ranked.matches.length;
    }
    rowsExplained += rows;
    written += explaining;
    const scale = all / ids.length / 60_000;
    return {
      minutes: { ranking: ranking * scale, explaining: explaining * scale },
      rows: rows / ids.length,
      scored: (store.pairsChecked - scoredBefore) / ids.length,
    };
  };
  const vacancyIds = store.vacancyIds();
  const candidateIds = store.candidateIds();
  const rankedVacancies = sample(vacancyIds);
  const vacancies = measure(rankedVacancies, vacancyIds.length, (id) =>
    store.candidateList(id, { ...own, limit: matching.topPerVacancy }),
  );
  const rankedCandidates = sample(candidateIds);
  const candidates = measure(rankedCandidates, candidateIds.length, (id) =>
    store.vacancyList(id, { ...own, limit: matching.topPerCandidate }),
  );
  return {
    sampled: { vacancies: rankedVacancies.length, candidates: rankedCandidates.length },
    minutes: { vacancies: vacancies.minutes, candidates: candidates.minutes },
    rowsEach: { vacancies: vacancies.rows, candidates: candidates.rows },
    scoredEach: { vacancies: vacancies.scored, candidates: candidates.scored },
    microsPerRow: {
      written: (written * 1000) / rowsExplained,
      throughObject: (throughObject * 1000) / rowsExplained,
    },
  };
}

function describeRematch({ sampled, minutes, rowsEach, scoredEach, microsPerRow }: RematchEstimate): string {
  const side = ({ ranking, explaining }: { ranking: number; explaining: number }) =>
    `${(ranking + explaining).toFixed(1)} min (ranking ${ranking.toFixed(1)} + explaining ${explaining.toFixed(1)})`;
  const all = (step: 'ranking' | 'explaining') => minutes.vacancies[step] + minutes.candidates[step];
  return (
    `${sampled.vacancies} vacancy and ${sampled.candidates} candidate sets: ` +
    `vacancies' sets ${side(minutes.vacancies)}, ${rowsEach.vacancies.toFixed(0)} rows each ` +
    `(${scoredEach.vacancies.toFixed(0)} pairs checked past the bounds); ` +
    `candidates' sets ${side(minutes.candidates)}, ${rowsEach.candidates.toFixed(0)} rows each ` +
    `(${scoredEach.candidates.toFixed(0)} pairs checked past the bounds); ` +
    `in all ${side({ ranking: all('ranking'), explaining: all('explaining') })}; ` +
    `explaining ${microsPerRow.written.toFixed(1)} µs a row (through the explanation object, ` +
    `as before: ${microsPerRow.throughObject.toFixed(1)} µs)`
  );
}

/** What the seeded generator needs, to produce the same records again for each store. */
interface Generation {
  catalogue: SyntheticCatalogue;
  employers: ReturnType<typeof generateEmployers>;
  isco: Map<string, string>;
}

/** Stores the VACANCIES generated vacancies; returns the time spent in `putVacancy`. */
async function fillVacancies(
  store: FeatureStore,
  { catalogue, employers, isco }: Generation,
): Promise<number> {
  let building = 0;
  for (const vacancy of generateVacancies(catalogue, employers, { count: VACANCIES, seed: SEED })) {
    const started = performance.now();
    store.putVacancy(vacancyInput(vacancy, isco), {
      status: 'published',
      expiresAt: vacancy.expiresAt.getTime(),
      organisationId: vacancy.organisationId,
    });
    building += performance.now() - started;
  }
  await Promise.resolve();
  return building;
}

/**
 * Generates the first CANDIDATES active, available candidates of the seeded stream and stores those
 * `keep` accepts; returns the time spent in `putCandidate`.
 */
async function fillCandidates(
  store: FeatureStore,
  { catalogue, isco }: Generation,
  keep: (candidateId: string) => boolean,
): Promise<number> {
  let building = 0;
  let seen = 0;
  for (let chunk = 0; seen < CANDIDATES; chunk++) {
    for (const candidate of generateCandidates(catalogue, { count: CHUNK, seed: SEED * 1_000 + chunk })) {
      if (seen >= CANDIDATES) break;
      if (candidate.status !== 'active' || candidate.availability !== 'available') continue;
      seen += 1;
      if (!keep(candidate.candidateId)) continue;
      const started = performance.now();
      store.putCandidate(candidateInput(candidate, isco), {
        status: 'active',
        availability: 'available',
        expiresAt: candidate.expiresAt?.getTime() ?? null,
        countries: [candidate.residenceCountry],
      });
      building += performance.now() - started;
    }
    await Promise.resolve();
  }
  return building;
}

/**
 * K stores, one per shard, each built after the previous one (each with every vacancy): a shard's
 * memory is the growth of the process while its store is built, and a worker serving it needs
 * about the process's size before any store plus that growth. The first store's RSS growth also
 * holds the heap V8 reserves while generating; its live heap growth (after a GC) is the sharper figure.
 */
async function measureShards(
  newStore: () => FeatureStore,
  generation: Generation,
  matching: AppConfig['matching'],
  beforeStores: number,
): Promise<void> {
  const shards: { store: FeatureStore; grew: number; heap: number; build: number }[] = [];
  for (let shard = 0; shard < SHARDS; shard++) {
    collect();
    const before = process.memoryUsage();
    const store = newStore();
    const build = await fillShard(store, generation, shard);
    collect();
    const after = process.memoryUsage();
    shards.push({ store, grew: after.rss - before.rss, heap: after.heapUsed - before.heapUsed, build });
  }
  const random = new SeededRandom(SEED ^ 0x51ab);
  const vacancyIds = shards[0].store.vacancyIds();
  const limit = { limit: matching.topPerVacancy * CROSS_FACTOR, minScore: matching.minScore };
  const ranked = (store: FeatureStore, id: string) =>
    store.rankCandidates(id, limit).map((match) => ({ ...match, tie: pairTie(id, match.id) }));
  for (let i = 0; i < 10; i++) for (const { store } of shards) ranked(store, random.pick(vacancyIds));
  const perShard: number[][] = shards.map(() => []);
  const flow: number[] = [];
  const merges: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const id = random.pick(vacancyIds);
    const lists = shards.map(({ store }, shard) => {
      const started = performance.now();
      const list = ranked(store, id);
      perShard[shard].push(performance.now() - started);
      return list;
    });
    const started = performance.now();
    mergeShardLists(lists, limit.limit);
    merges.push(performance.now() - started);
    flow.push(Math.max(...perShard.map((times) => times[i])) + merges[i]);
  }
  process.stdout.write(
    [
      '',
      `${SHARDS} shards of ${CANDIDATES.toLocaleString('en-US')} candidates, each with all ${vacancyIds.length.toLocaleString('en-US')} vacancies`,
      `  process before any store ${GiB(beforeStores)}`,
      ...shards.map(
        ({ store, grew, heap, build }, shard) =>
          `  shard ${shard}: ${store.candidateCount.toLocaleString('en-US')} candidates, store build ${(build / 1000).toFixed(1)} s, ` +
          `store +${GiB(grew)} RSS (+${GiB(heap)} live heap), a worker serving it ≈ ${GiB(beforeStores + grew)} RSS; vacancy → pool ${spread(perShard[shard])}`,
      ),
      `  vacancy → pool with ${SHARDS} shards (slowest shard + merge, top ${limit.limit}): ${spread(flow)}; merge alone ${spread(merges)}`,
      '',
    ].join('\n'),
  );
}

/** Stores every vacancy and shard `shard`'s candidates; returns the time spent storing them. */
async function fillShard(store: FeatureStore, generation: Generation, shard: number): Promise<number> {
  return timed(`shard ${shard} of ${SHARDS} generated and stored`, async () => {
    const vacancies = await fillVacancies(store, generation);
    return (
      vacancies + (await fillCandidates(store, generation, (id) => candidateShard(id, SHARDS) === shard))
    );
  });
}

/** This script again as a child process that builds and measures shard `shard` alone. */
function runShardProcess(shard: number): void {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, ...process.argv.slice(1), '--shard', String(shard)],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
  );
  const lines = child.stdout.split('\n').filter((line) => line.startsWith('  '));
  process.stdout.write(`${lines.join('\n')}\n`);
  if (child.status !== 0) throw new Error(`Shard ${shard} process exited with ${child.status}`);
}

/** One shard in this process, as a worker serving only it holds it: its memory and vacancy → pool. */
async function measureOwnShard(
  store: FeatureStore,
  generation: Generation,
  matching: AppConfig['matching'],
  before: number,
): Promise<void> {
  const build = await fillShard(store, generation, SHARD);
  collect();
  const after = process.memoryUsage();
  const random = new SeededRandom(SEED ^ 0x51ab);
  const vacancyIds = store.vacancyIds();
  const limit = { limit: matching.topPerVacancy * CROSS_FACTOR, minScore: matching.minScore };
  timeEach(
    Array.from({ length: 10 }, () => random.pick(vacancyIds)),
    (id) => store.rankCandidates(id, limit),
  );
  const times = timeEach(
    Array.from({ length: SAMPLES }, () => random.pick(vacancyIds)),
    (id) => store.rankCandidates(id, limit),
  );
  // A sharded full re-match stages, per shard, its candidates' sets and every vacancy's best
  // among its candidates; the shards' worker groups run side by side.
  const rematch = rankingAndExplaining(store, matching, random);
  process.stdout.write(
    `  shard ${SHARD} of ${SHARDS} in its own process: ${store.candidateCount.toLocaleString('en-US')} candidates and ` +
      `${store.vacancyCount.toLocaleString('en-US')} vacancies, store build ${(build / 1000).toFixed(1)} s, ` +
      `RSS ${GiB(after.rss)} (live heap ${GiB(after.heapUsed)}; ${GiB(before)} before the store), ` +
      `vacancy → pool ${spread(times)}\n` +
      `  shard ${SHARD}: its part of a full re-match, ranking + explaining, scaled from ${describeRematch(rematch)}\n`,
  );
}

function vacancyInput(vacancy: SyntheticVacancy, isco: Map<string, string>): MatchVacancyInput {
  return {
    id: vacancy.id,
    occupationUri: vacancy.occupationUri,
    iscoCode: isco.get(vacancy.occupationUri) ?? '0000',
    memberState: vacancy.memberState,
    startDate: null,
    skills: vacancy.skills,
    languages: vacancy.languages.map((language) => ({
      code: language.code,
      minCefrRank: cefrRank(language.minCefr) ?? 0,
      requirement: language.requirement,
    })),
    minEqfLevel: vacancy.minEqfLevel,
    minExperienceYears: vacancy.minExperienceYears,
  };
}

function candidateInput(candidate: SyntheticCandidate, isco: Map<string, string>): MatchCandidateInput {
  return {
    id: candidate.candidateId,
    occupations: candidate.occupations.map((occupation) => ({
      uri: occupation.uri,
      iscoCode: isco.get(occupation.uri) ?? '0000',
      yearsOfExperience: occupation.yearsOfExperience,
    })),
    skills: candidate.skills.map((skill) => skill.uri),
    languages: candidate.languages.map((language) => ({
      code: language.code,
      cefrRank: cefrRank(language.cefr) ?? 0,
    })),
    eqfLevel: candidate.education.reduce<number | null>(
      (best, entry) => Math.max(best ?? 0, entry.eqfLevel),
      null,
    ),
    preferredMemberStates: candidate.preferredMemberStates,
    earliestStartDate: candidate.earliestStartDate,
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

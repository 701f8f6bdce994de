import 'reflect-metadata';
import { CANDIDATES_INDEX, CandidateIndexer, CandidatesModule } from '@app/candidates';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { buildTalentSearch } from '@app/discovery';
import { ReferenceDataModule, ReferenceDataSeeder } from '@app/reference-data';
import { MEILI_CLIENT, SearchIndexes, settle } from '@app/search';
import { ShortageOccupationsModule, ShortageSeeder } from '@app/shortage-occupations';
import { shippedEscoFolder, TaxonomyImporter, TaxonomyModule } from '@app/taxonomy';
import { VACANCIES_INDEX, VacanciesSearchModule, VacancyIndexer } from '@app/vacancies';
import { hash } from '@node-rs/argon2';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Meilisearch } from 'meilisearch';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { ApiModule } from '../apps/api/src/api.module';
import { TALENT_PAGE_FACETS } from '../apps/web/src/pages/employer/talent-query';
import { configureApi } from '../apps/api/src/configure-api';
import { loadCatalogue } from './synthetic/catalogue';
import { generateCandidates, generateEmployers, generateVacancies } from './synthetic/generate';
import { insertCandidates, insertEmployers, insertVacancies } from './synthetic/load';
import { shortageOccupationLabels, talentQueries } from './synthetic/talent-queries';
import { startBareProxy, type BareProxy } from './support/bare-proxy';
import { startIsolatedRun } from './support/isolated-run';
import { numberArg, percentile, printRuntime, timed } from './support/measure';

/**
 * Talent-search latency at scale: synthetic candidates and vacancies go into an isolated database
 * through bulk inserts, the product's indexers build the indexes, then the real API answers
 * authenticated searches over loopback HTTP while Meilisearch reports its own processing time.
 * Run with `npm run bench:search [-- --candidates 100000 --vacancies 10000 --queries 300 --seed 7]`;
 * `--keep` leaves the database and indexes in place, and `--reuse` measures again against them
 * without loading, for experiments with search settings and query handling. `--variants` then asks
 * the engine each query again in a few lighter shapes (the web page's facets only, no facet counts,
 * no occupation facets, no highlighting, no text, no filter), to show what each part of a search
 * costs the engine.
 */
const CANDIDATES = numberArg('candidates', 100_000);
const VACANCIES = numberArg('vacancies', 10_000);
const QUERIES = numberArg('queries', 300);
const WARM_UP = 30;
const SEED = numberArg('seed', 7);
const REUSE = process.argv.includes('--reuse');
/** Data reused is data kept: a --reuse run leaves it for the next one too. */
const KEEP = REUSE || process.argv.includes('--keep');
const VARIANTS = process.argv.includes('--variants');

type EngineRequest = ReturnType<typeof buildTalentSearch>;

/** Lighter shapes of the API's engine request, each leaving out one part of it. */
const REQUEST_VARIANTS: Record<string, (request: EngineRequest) => EngineRequest> = {
  'as the API asks': (request) => request,
  "the web page's facets": (request) => ({ ...request, facets: [...TALENT_PAGE_FACETS] }),
  'no facet counts': (request) => ({ ...request, facets: [] }),
  'no occupation facets': (request) => ({
    ...request,
    facets: request.facets?.filter((facet) => facet !== 'occupationUris' && facet !== 'iscoGroups'),
  }),
  'no highlighting': ({
    attributesToHighlight: _h,
    highlightPreTag: _pre,
    highlightPostTag: _post,
    ...rest
  }) => rest,
  'no text': (request) => ({ ...request, q: '' }),
  'no filter': (request) => ({ ...request, filter: undefined }),
};

/**
 * The engine's processing time for each variant of every query, the variants of a query asked in
 * rotating order (a repeated search runs faster), printed as p50/p95 and mean.
 */
async function measureVariants(
  client: Meilisearch,
  uid: string,
  requests: EngineRequest[],
): Promise<string[]> {
  const names = Object.keys(REQUEST_VARIANTS);
  const times = new Map(names.map((name) => [name, [] as number[]]));
  for (const [i, base] of requests.entries()) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length];
      const request = REQUEST_VARIANTS[name](base);
      times.get(name)!.push((await client.index(uid).search(request.q, request)).processingTimeMs);
    }
  }
  return names.map((name) => {
    const values = times.get(name)!;
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    return `  ${name.padEnd(22)} p50 ${percentile(values, 50).toFixed(1)} ms   p95 ${percentile(values, 95).toFixed(1)} ms   mean ${mean.toFixed(1)} ms`;
  });
}

function post(
  port: number,
  agent: Agent,
  token: string | null,
  body: string,
  path = '/api/v1/search/talent',
): Promise<{ size: number; engineMs: number | null }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: 'POST',
        path,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let size = 0;
        res.on('data', (chunk: Buffer) => (size += chunk.length));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve({ size, engineMs: engineTiming(res.headers['server-timing']?.toString()) })
            : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The engine's processing time the API reports for a search (`Server-Timing: engine;dur=12`). */
function engineTiming(header: string | undefined): number | null {
  const match = /(?:^|,)\s*engine;dur=([\d.]+)/.exec(header ?? '');
  return match ? Number(match[1]) : null;
}

async function signIn(port: number, email: string, password: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`Sign-in failed: HTTP ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * Seeds, imports ESCO, generates and bulk-inserts the synthetic data, then builds both indexes with
 * the product's indexers. The generated rows go out of scope here, so the API measured afterwards
 * does not share its heap with them.
 */
async function load(loader: INestApplicationContext): Promise<void> {
  const dataSource = loader.get<DataSource>(getDataSourceToken());
  await timed('reference data + shortage seed', async () => {
    await loader.get(ReferenceDataSeeder).seed();
    await loader.get(ShortageSeeder).seed();
  });
  await timed('ESCO import', () => loader.get(TaxonomyImporter).import(shippedEscoFolder()));
  const catalogue = await loadCatalogue(dataSource);
  const generated = await timed('generate (in memory)', () => {
    const employers = generateEmployers(catalogue, { count: Math.ceil(VACANCIES / 20), seed: SEED });
    return Promise.resolve({
      candidates: generateCandidates(catalogue, { count: CANDIDATES, seed: SEED }),
      employers,
      vacancies: generateVacancies(catalogue, employers, { count: VACANCIES, seed: SEED }),
    });
  });
  await timed('Postgres bulk insert, candidates', () => insertCandidates(dataSource, generated.candidates));
  await timed('Postgres bulk insert, vacancies', async () => {
    await insertEmployers(dataSource, generated.employers);
    await insertVacancies(dataSource, generated.vacancies);
  });
  await dataSource.query('ANALYZE');
  const candidateIndex = await timed('candidates index (rebuild + swap)', () =>
    loader.get(CandidateIndexer).rebuild(),
  );
  const vacancyIndex = await timed('vacancies index (rebuild + swap)', () =>
    loader.get(VacancyIndexer).rebuild(),
  );
  process.stdout.write(
    `  indexed: ${candidateIndex.documents} candidates (active and available), ${vacancyIndex.indexed} vacancies\n`,
  );
}

async function main(): Promise<void> {
  printRuntime();
  const { dispose } = await startIsolatedRun('search', { reuse: REUSE });

  @Module({
    imports: [
      ConfigModule,
      DatabaseModule,
      TaxonomyModule,
      ReferenceDataModule,
      ShortageOccupationsModule,
      CandidatesModule,
      VacanciesSearchModule,
    ],
  })
  class LoadModule {}

  const loader = await NestFactory.createApplicationContext(LoadModule, { logger: ['error', 'warn'] });
  let api: NestExpressApplication | undefined;
  let proxy: BareProxy | undefined;
  const client = loader.get<Meilisearch>(MEILI_CLIENT);
  const indexes = loader.get(SearchIndexes);
  try {
    const dataSource = loader.get<DataSource>(getDataSourceToken());
    process.stdout.write(
      `Search benchmark: ${CANDIDATES} candidates, ${VACANCIES} vacancies, seed ${SEED}\n`,
    );
    if (REUSE) process.stdout.write('  reusing the data and indexes a --keep run left\n');
    else await load(loader);
    const catalogue = await loadCatalogue(dataSource);

    const password = `bench-${SEED}-search-password`;
    if (!REUSE) {
      const [organisation] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO employer_organisations (name, country_code, registration_number, status)
         VALUES ('Benchmark employer', 'NL', 'BENCH-SEARCH', 'verified') RETURNING id`,
      );
      await dataSource.query(
        `INSERT INTO accounts (email, password_hash, role, employer_organisation_id, email_verified_at)
         VALUES ('bench-employer@example.invalid', $1, 'employer', $2, now())`,
        [await hash(password), organisation.id],
      );
    }
    const labels = await shortageOccupationLabels(dataSource, catalogue);

    api = await NestFactory.create<NestExpressApplication>(ApiModule, { logger: ['error', 'warn'] });
    configureApi(api);
    await api.listen(0, '127.0.0.1');
    const port = (api.getHttpServer().address() as AddressInfo).port;
    const token = await signIn(port, 'bench-employer@example.invalid', password);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const uid = indexes.uid(CANDIDATES_INDEX);
    const bare = await startBareProxy(client, uid);
    proxy = bare;
    const all = talentQueries(catalogue, labels, WARM_UP + QUERIES, SEED);
    const apiMs: number[] = [];
    const apiEngineMs: number[] = [];
    const engineMs: number[] = [];
    const roundTripMs: number[] = [];
    const proxyMs: number[] = [];
    const ratios: number[] = [];
    const overheadMs: number[] = [];
    const beyondProxyMs: number[] = [];
    let hits = 0;
    for (const [i, query] of all.entries()) {
      const body = JSON.stringify(query);
      const request = buildTalentSearch(query, new Date());
      const measured = { api: 0, apiEngine: 0, engine: 0, roundTrip: 0, proxy: 0, totalHits: 0 };
      const calls = [
        async () => {
          const started = performance.now();
          const answer = await post(port, agent, token, body);
          measured.api = performance.now() - started;
          if (answer.engineMs === null) throw new Error('The API sent no Server-Timing engine duration');
          measured.apiEngine = answer.engineMs;
        },
        async () => {
          const started = performance.now();
          const engine = await client.index(uid).search(request.q, request);
          measured.roundTrip = performance.now() - started;
          measured.engine = engine.processingTimeMs;
          measured.totalHits = engine.totalHits;
        },
        async () => {
          const started = performance.now();
          await post(bare.port, agent, null, body, '/');
          measured.proxy = performance.now() - started;
        },
      ];
      // The same search runs faster the second time (warm pages and caches): rotate which goes first.
      for (let k = 0; k < calls.length; k++) await calls[(i + k) % calls.length]();
      if (i < WARM_UP) continue;
      apiMs.push(measured.api);
      apiEngineMs.push(measured.apiEngine);
      engineMs.push(measured.engine);
      roundTripMs.push(measured.roundTrip);
      proxyMs.push(measured.proxy);
      ratios.push(measured.api / Math.max(measured.apiEngine, 1));
      overheadMs.push(measured.api - measured.apiEngine);
      beyondProxyMs.push(measured.api - measured.proxy);
      hits += measured.totalHits;
    }
    agent.destroy();
    const report = (values: number[]) =>
      [50, 95, 99].map((p) => `p${p} ${percentile(values, p).toFixed(1)} ms`).join('   ');
    const median = (values: number[]) => percentile(values, 50);
    process.stdout.write(
      [
        '',
        `Talent search, ${QUERIES} queries after ${WARM_UP} warm-up (text + 3 filters + 8 facets, page of 20):`,
        `  API over HTTP          ${report(apiMs)}`,
        `  engine, API's search   ${report(apiEngineMs)}   (processingTimeMs of that very search, from Server-Timing)`,
        `  engine, same query     ${report(engineMs)}   (processingTimeMs, asked again from the product's client)`,
        `  engine round trip      ${report(roundTripMs)}   (that second request, end to end)`,
        `  bare HTTP proxy        ${report(proxyMs)}   (same engine call and hits; no framework, auth, validation or audit)`,
        `  API beyond its engine  ${report(overheadMs)}   (each search's API time less its own engine time)`,
        `  API beyond the proxy   ${report(beyondProxyMs)}   (each search's API time less the bare proxy's for it)`,
        `  API / engine at the median: ${(median(apiMs) / Math.max(median(apiEngineMs), 1)).toFixed(2)}` +
          `   (median of per-query ratios ${median(ratios).toFixed(2)});` +
          ` the bare proxy's: ${(median(proxyMs) / Math.max(median(engineMs), 1)).toFixed(2)}`,
        `  mean matches per query: ${Math.round(hits / QUERIES)}`,
        '',
      ].join('\n'),
    );
    if (VARIANTS) {
      const requests = all.slice(WARM_UP).map((query) => buildTalentSearch(query, new Date()));
      const lines = await measureVariants(client, uid, requests);
      process.stdout.write(
        [`Engine processing time by request shape, the same ${QUERIES} queries:`, ...lines, ''].join('\n'),
      );
    }
  } finally {
    await api?.close();
    await proxy?.close();
    if (!KEEP) {
      for (const name of [CANDIDATES_INDEX, VACANCIES_INDEX]) {
        if (await indexes.exists(indexes.uid(name))) await settle(client.deleteIndex(indexes.uid(name)));
      }
    }
    await loader.close();
    if (!KEEP) await dispose();
  }
}

main().then(
  // With --keep the local Meilisearch stays up for later runs, and its handle would keep this process alive.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

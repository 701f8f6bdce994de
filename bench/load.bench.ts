import 'reflect-metadata';
import { ConcurrencyLimit, QUEUE_NAMES } from '@app/queue';
import { MEILI_CLIENT } from '@app/search';
import { hash } from '@node-rs/argon2';
import { getDataSourceToken } from '@nestjs/typeorm';
import autocannon, { type Request } from 'autocannon';
import type { Meilisearch } from 'meilisearch';
import { createServer } from 'node:net';
import type { DataSource } from 'typeorm';
import { loadCatalogue, type SyntheticCatalogue } from './synthetic/catalogue';
import { SeededRandom } from './synthetic/random';
import { shortageOccupationLabels, talentQueries } from './synthetic/talent-queries';
import { CpuSplit } from './support/cpu-split';
import { startIsolatedRun } from './support/isolated-run';
import { numberArg, percentile, printRuntime, timed } from './support/measure';
import { createBenchContext, PipelineProbe, seedPipelineData } from './support/pipeline';
import { startBuiltService, steadily, until, type RunningService } from './support/services';

/**
 * Mixed traffic against the built API and worker, each a process of its own, at `--candidates`
 * synthetic profiles: talent search, job search, vacancy pages, profile reads and updates, vacancy
 * publication and sign-ins, for `--seconds` with `--connections` keep-alive connections
 * (autocannon). Meanwhile two probes measure, under that load, the index lag (profile update →
 * searchable) and publish → matches visible. Run with `npm run bench:load [-- --candidates 100000
 * --vacancies 10000 --seconds 60 --connections 32 --seed 5]` (it builds first).
 */
const CANDIDATES = numberArg('candidates', 100_000);
const VACANCIES = numberArg('vacancies', 10_000);
const SECONDS = numberArg('seconds', 60);
const CONNECTIONS = numberArg('connections', 32);
const SEED = numberArg('seed', 5);
/** Candidates who sign in and edit their profiles during the run. */
const ACTIVE_USERS = 400;
const PASSWORD = `bench-load-${SEED}-password`;
const EMPLOYER_EMAIL = 'bench-load-employer@example.invalid';

/** One pass of a connection through the mix, in proportion (out of 20 requests). */
const MIX = [
  ['talent search', 5],
  ['job search', 4],
  ['vacancy page', 4],
  ['profile read', 3],
  ['profile update', 2],
  ['vacancy publication', 1], // a draft, then its publication: two requests
  ['sign-in', 1],
] as const;

type MixKind = (typeof MIX)[number][0];

/**
 * The kind of the request answered last. autocannon calls a request's `onResponse` and then, in the
 * same turn, emits the `response` event with its latency, which reads this.
 */
let answeredKind: MixKind | undefined;

/** What a connection remembers between the draft and its publication. */
interface Draft {
  vacancyId?: string;
}

interface Tokens {
  employer: string;
  candidates: { token: string; referenceCode: string; email: string }[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function call(
  base: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

async function signIn(base: string, email: string): Promise<string> {
  const { status, body } = await call(base, '/api/v1/auth/login', {
    method: 'POST',
    body: { email, password: PASSWORD },
  });
  if (status !== 200) throw new Error(`Sign-in failed: HTTP ${status}`);
  return (body as { accessToken: string }).accessToken;
}

/** A vacancy the bench employer (in NL) may publish: a shortage occupation with its skills. */
function vacancyBody(catalogue: SyntheticCatalogue, random: SeededRandom): Record<string, unknown> {
  const shortage = new Set(catalogue.shortageOccupations.map((entry) => entry.uri));
  const occupation = random.pick(catalogue.occupations.filter((entry) => shortage.has(entry.uri)));
  return {
    title: `${occupation.label} (benchmark)`,
    description: 'A vacancy published by the load benchmark while traffic runs against the API.',
    occupationUri: occupation.uri,
    placeOfWork: { city: 'Rotterdam', region: 'Zuid-Holland' },
    contact: { name: 'Bench Mark', email: 'jobs@bench.example.nl' },
    contractType: 'permanent',
    hoursPerWeek: 40,
    numberOfPosts: 2,
    skills: occupation.essentialSkills.slice(0, 6).map((uri) => ({ uri, requirement: 'essential' })),
    languages: [{ code: 'en', minCefr: 'B1', requirement: 'required' }],
  };
}

function futureDay(random: SeededRandom): string {
  return new Date(Date.now() + random.int(10, 300) * 86_400_000).toISOString().slice(0, 10);
}

/** The request sequence each connection cycles through, bodies drawn afresh for every request. */
function requestMix(
  catalogue: SyntheticCatalogue,
  labels: Map<string, string[]>,
  tokens: Tokens,
  vacancyIds: readonly string[],
): Request[] {
  const random = new SeededRandom(SEED ^ 0x10ad);
  const queries = talentQueries(catalogue, labels, 2_000, SEED);
  const jobWords = [...labels.values()].flat().map((label) => label.split(/[\s/]+/)[0]);
  const candidate = () => random.pick(tokens.candidates);
  // A fresh object per request: autocannon writes each body's Content-Length into the headers it
  // is given, and a shared object would carry it to the next request that has no body.
  const json = () => ({ 'content-type': 'application/json' });
  const bearer = (token: string) => ({ ...json(), authorization: `Bearer ${token}` });
  const steps: Record<MixKind, Request[]> = {
    'talent search': [
      {
        method: 'POST',
        path: '/api/v1/search/talent',
        setupRequest: (request) => ({
          ...request,
          headers: bearer(tokens.employer),
          body: JSON.stringify(random.pick(queries)),
        }),
      },
    ],
    'job search': [
      {
        method: 'GET',
        setupRequest: (request) => ({
          ...request,
          path: `/api/v1/search/jobs?text=${encodeURIComponent(random.pick(jobWords))}`,
        }),
      },
    ],
    'vacancy page': [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: `/api/v1/jobs/${random.pick(vacancyIds)}` }),
      },
    ],
    'profile read': [
      {
        method: 'GET',
        path: '/api/v1/candidates/me',
        setupRequest: (request) => ({ ...request, headers: bearer(candidate().token) }),
      },
    ],
    'profile update': [
      {
        method: 'PATCH',
        path: '/api/v1/candidates/me',
        setupRequest: (request) => ({
          ...request,
          headers: bearer(candidate().token),
          body: JSON.stringify({ earliestStartDate: futureDay(random) }),
        }),
      },
    ],
    'vacancy publication': [
      {
        method: 'POST',
        path: '/api/v1/vacancies',
        setupRequest: (request) => ({
          ...request,
          headers: bearer(tokens.employer),
          body: JSON.stringify(vacancyBody(catalogue, random)),
        }),
        onResponse: (status, body, context) => {
          if (status === 201) (context as Draft).vacancyId = (JSON.parse(body) as { id: string }).id;
        },
      },
      {
        method: 'POST',
        setupRequest: (request, context) => ({
          ...request,
          path: `/api/v1/vacancies/${(context as Draft).vacancyId ?? 'none'}/publish`,
          headers: bearer(tokens.employer),
        }),
      },
    ],
    'sign-in': [
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        setupRequest: (request) => ({
          ...request,
          headers: json(),
          body: JSON.stringify({ email: candidate().email, password: PASSWORD }),
        }),
      },
    ],
  };
  const sequence: Request[] = [];
  const remaining = new Map<string, number>(MIX.map(([name, count]) => [name, count]));
  // Interleaved, so a connection never sends a run of one kind.
  while ([...remaining.values()].some((count) => count > 0)) {
    for (const [name] of MIX) {
      const left = remaining.get(name)!;
      if (left === 0) continue;
      sequence.push(...steps[name].map((request) => labelled(name, request)));
      remaining.set(name, left - 1);
    }
  }
  return sequence;
}

/** The request, noting its kind as it is answered (for latencies by kind). */
function labelled(kind: MixKind, request: Request): Request {
  const { onResponse } = request;
  return {
    ...request,
    onResponse: (status, body, context, headers) => {
      answeredKind = kind;
      if (typeof onResponse === 'function') onResponse(status, body, context, headers);
    },
  };
}

interface ProbeFigures {
  lagsMs: number[];
  missed: number;
}

/** Updates one profile at a time and waits until the index holds the new value. */
async function indexLagProbe(
  base: string,
  meili: Meilisearch,
  uid: string,
  user: Tokens['candidates'][number],
  running: () => boolean,
): Promise<ProbeFigures> {
  const random = new SeededRandom(SEED ^ 0x1a6);
  const figures: ProbeFigures = { lagsMs: [], missed: 0 };
  while (running()) {
    const day = futureDay(random);
    const { status } = await call(base, '/api/v1/candidates/me', {
      method: 'PATCH',
      token: user.token,
      body: { earliestStartDate: day },
    });
    const committed = performance.now();
    if (status !== 200) {
      figures.missed += 1;
      continue;
    }
    const deadline = committed + 30_000;
    for (;;) {
      const document = await meili
        .index(uid)
        .getDocument<{ availableFrom: string | null }>(user.referenceCode, { fields: ['availableFrom'] })
        .catch(() => null);
      if (document?.availableFrom === day) {
        figures.lagsMs.push(performance.now() - committed);
        break;
      }
      if (performance.now() > deadline) {
        figures.missed += 1;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return figures;
}

/** Publishes one vacancy at a time and waits until the employer sees its matches. */
async function matchesProbe(
  base: string,
  token: string,
  catalogue: SyntheticCatalogue,
  running: () => boolean,
): Promise<ProbeFigures> {
  const random = new SeededRandom(SEED ^ 0x3a7);
  const figures: ProbeFigures = { lagsMs: [], missed: 0 };
  while (running()) {
    const draft = await call(base, '/api/v1/vacancies', {
      method: 'POST',
      token,
      body: vacancyBody(catalogue, random),
    });
    const id = (draft.body as { id?: string }).id;
    const published = id
      ? await call(base, `/api/v1/vacancies/${id}/publish`, { method: 'POST', token })
      : draft;
    const committed = performance.now();
    if (published.status !== 200) {
      figures.missed += 1;
      continue;
    }
    const deadline = committed + 30_000;
    for (;;) {
      const { status, body } = await call(base, `/api/v1/vacancies/${id}/matches`, { token });
      const count = Array.isArray(body) ? body.length : ((body as { items?: unknown[] }).items?.length ?? 0);
      if (status === 200 && count > 0) {
        figures.lagsMs.push(performance.now() - committed);
        break;
      }
      if (performance.now() > deadline) {
        figures.missed += 1;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return figures;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const describeLags = (figures: ProbeFigures) =>
  figures.lagsMs.length === 0
    ? `no sample (${figures.missed} missed)`
    : `p50 ${ms(percentile(figures.lagsMs, 50))}, p95 ${ms(percentile(figures.lagsMs, 95))} ` +
      `(${figures.lagsMs.length} samples, ${figures.missed} beyond 30 s or refused)`;

async function main(): Promise<void> {
  printRuntime();
  process.stdout.write(
    `Load benchmark: ${CANDIDATES} candidates, ${VACANCIES} vacancies, ${SECONDS} s of mixed traffic ` +
      `over ${CONNECTIONS} connections, seed ${SEED}\n`,
  );
  const run = await startIsolatedRun('load');
  const context = await createBenchContext();
  // Every queue: the worker's start-up runs (a full re-match, a consistency check, notices) must
  // be over before the traffic starts, or they are measured with it.
  const probe = new PipelineProbe(context, run.config, QUEUE_NAMES);
  const services: RunningService[] = [];
  try {
    const dataSource = context.get<DataSource>(getDataSourceToken());
    const generated = await seedPipelineData(context, {
      candidates: CANDIDATES,
      vacancies: VACANCIES,
      seed: SEED,
    });
    const catalogue = await loadCatalogue(dataSource);
    const labels = await shortageOccupationLabels(dataSource, catalogue);
    const passwordHash = await hash(PASSWORD);
    const [organisation] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO employer_organisations (name, country_code, registration_number, status)
       VALUES ('Load benchmark employer', 'NL', 'BENCH-LOAD', 'verified') RETURNING id`,
    );
    await dataSource.query(
      `INSERT INTO accounts (email, password_hash, role, employer_organisation_id, email_verified_at)
       VALUES ($1, $2, 'employer', $3, now())`,
      [EMPLOYER_EMAIL, passwordHash, organisation.id],
    );
    const users = generated
      .filter((candidate) => candidate.status === 'active' && candidate.availability === 'available')
      .slice(0, ACTIVE_USERS);
    await dataSource.query(`UPDATE accounts SET password_hash = $2 WHERE id = ANY($1::uuid[])`, [
      users.map((user) => user.accountId),
      passwordHash,
    ]);
    const vacancyIds = (
      await dataSource.query<{ id: string }[]>(
        `SELECT id FROM vacancies WHERE status = 'published' AND expires_at > now() LIMIT 2000`,
      )
    ).map((row) => row.id);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    services.push(startBuiltService('worker'), startBuiltService('api', { API_PORT: String(port) }));
    await timed('API and worker ready', async () => {
      // Ready once the worker has built the taxonomy indexes from the import: minutes on a loaded machine.
      await until('the API', async () => (await fetch(`${base}/api/v1/health/ready`)).ok, 900_000);
      await until('the worker', () => probe.workersConnected());
      await until(
        'the worker to settle',
        steadily(() => probe.settled(), 15_000),
        900_000,
      );
    });
    const signIns = new ConcurrencyLimit(4);
    const tokens: Tokens = {
      employer: await signIn(base, EMPLOYER_EMAIL),
      // A few at a time: hundreds of argon2 verifications at once only queue for the pool (503).
      candidates: await Promise.all(
        users.map(async (user) => ({
          token: await signIns.run(() => signIn(base, user.email)),
          referenceCode: user.referenceCode,
          email: user.email,
        })),
      ),
    };

    const statuses = new Map<number, number>();
    const latenciesMs: number[] = [];
    const latenciesByKind = new Map<MixKind, number[]>(MIX.map(([kind]) => [kind, []]));
    let running = true;
    const meili = context.get<Meilisearch>(MEILI_CLIENT);
    const probes = Promise.all([
      indexLagProbe(base, meili, probe.candidatesUid, tokens.candidates[0], () => running),
      matchesProbe(base, tokens.employer, catalogue, () => running),
    ]);
    process.stdout.write(`\nMixed traffic for ${SECONDS} s…\n`);
    const cpu = CpuSplit.start({
      api: { pids: [services[1].process.pid ?? 0] },
      worker: { pids: [services[0].process.pid ?? 0] },
      meilisearch: { name: 'meilisearch' },
      postgres: { name: 'postgres' },
      redis: { name: 'redis-server' },
      'load client': { pids: [process.pid] },
    });
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections: CONNECTIONS,
          duration: SECONDS,
          requests: requestMix(
            catalogue,
            labels,
            { ...tokens, candidates: tokens.candidates.slice(1) },
            vacancyIds,
          ),
        },
        (error: Error | null, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
      );
      instance.on('response', (_client, statusCode: number, _bytes: number, responseTime: number) => {
        statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
        latenciesMs.push(responseTime);
        if (answeredKind) latenciesByKind.get(answeredKind)!.push(responseTime);
      });
    });
    const cpuLines = cpu.stop();
    running = false;
    const [indexLag, matchesLag] = await probes;
    const backlog = await probe.backlog();

    const total = latenciesMs.length;
    const failed = [...statuses].filter(([status]) => status >= 400).reduce((sum, [, n]) => sum + n, 0);
    const errors = failed + result.errors + result.timeouts;
    process.stdout.write(
      [
        `  requests                   ${total} in ${result.duration.toFixed(1)} s`,
        `  sustained                  ${(total / result.duration).toFixed(0)} requests/s (target ≥ 800)`,
        `  latency                    p50 ${ms(percentile(latenciesMs, 50))}, p95 ${ms(percentile(latenciesMs, 95))}` +
          ` (target ≤ 100 ms), p99 ${ms(percentile(latenciesMs, 99))}`,
        `  errors                     ${errors} (${((100 * errors) / Math.max(1, total)).toFixed(2)} %; ` +
          `${result.errors} connection errors, ${result.timeouts} timeouts) (target 0)`,
        `  statuses                   ${[...statuses].map(([status, n]) => `${status}×${n}`).join(', ')}`,
        `  index lag, update → searchable     ${describeLags(indexLag)} (target p95 ≤ 2 s)`,
        `  publish → matches visible          ${describeLags(matchesLag)}`,
        `  backlog at the end         ${backlog} outbox messages and jobs`,
        '',
        '  by kind                    requests   p50        p95        p99',
        ...[...latenciesByKind].map(
          ([kind, values]) =>
            `  ${kind.padEnd(26)} ${String(values.length).padStart(8)}   ${ms(percentile(values, 50)).padStart(9)}  ` +
            `${ms(percentile(values, 95)).padStart(9)}  ${ms(percentile(values, 99)).padStart(9)}`,
        ),
        '',
        '  CPU during the traffic (the probes included)',
        ...cpuLines.map((line) => `  ${line}`),
        '',
      ].join('\n'),
    );
  } finally {
    for (const service of services) await service.stop();
    await probe.close();
    await context.close();
    await run.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

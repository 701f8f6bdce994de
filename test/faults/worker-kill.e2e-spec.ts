import { ConfigModule } from '@app/config';
import { ConsistencyChecker, ConsistencyModule } from '@app/consistency';
import { DatabaseModule } from '@app/database';
import { OutboxService } from '@app/queue';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { closeApp, createApiApp } from '../utils/api-app';
import { DRAIN_DEADLINE_MS, SETUP_TIMEOUT_MS } from '../utils/deadlines';
import { drainQueues } from '../utils/drain';
import { waitFor } from '../utils/wait-for';
import { ALL_QUEUES, buildWorld, driftOf, settleWorld, startWorker } from './fault-world';

const CHANGES = 5_000;
const root = join(__dirname, '..', '..');
const SECTION_TABLES = [
  'candidate_occupations',
  'candidate_skills',
  'candidate_languages',
  'candidate_education',
  'candidate_qualifications',
  'candidate_work_experience',
];

/**
 * The real worker entry point in a child process of its own, run from its TypeScript sources (the
 * test command does not build `dist/`), with this run's environment: its database, queues and indexes.
 */
function spawnWorker(): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'silent', TS_NODE_PROJECT: join(root, 'tsconfig.json') },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

/**
 * `CHANGES` profiles cloned in SQL from one built through the API, each with the outbox message a
 * profile change records (`candidates.sync-index`, which brings `matching.candidate` along): the
 * same jobs as that many edits, without that many HTTP round trips.
 */
async function cloneProfiles(sut: NestExpressApplication, templateId: string): Promise<string[]> {
  const dataSource = sut.get<DataSource>(getDataSourceToken());
  await dataSource.query('DROP TABLE IF EXISTS fault_clones');
  await dataSource.query(
    `CREATE TABLE fault_clones AS
       SELECT g, gen_random_uuid() AS id, gen_random_uuid() AS account_id,
              'TP-Z' || lpad((g / 10000)::text, 3, '0') || '-' || lpad((g % 10000)::text, 4, '0') AS code
         FROM generate_series(1, $1) AS g`,
    [CHANGES],
  );
  await dataSource.query(
    `INSERT INTO accounts (id, email, role, email_verified_at)
     SELECT account_id, 'clone-' || g || '-' || id || '@example.test', 'candidate', now() FROM fault_clones`,
  );
  const columns = async (table: string, except: string[]) =>
    (
      await dataSource.query<{ name: string }[]>(
        `SELECT column_name AS name FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = $1 AND NOT (column_name = ANY($2)) ORDER BY ordinal_position`,
        [table, except],
      )
    ).map((column) => `"${column.name}"`);
  const candidateColumns = await columns('candidates', ['id', 'account_id', 'reference_code']);
  await dataSource.query(
    `INSERT INTO candidates (id, account_id, reference_code, ${candidateColumns.join(', ')})
     SELECT f.id, f.account_id, f.code, ${candidateColumns.map((column) => `t.${column}`).join(', ')}
       FROM fault_clones f CROSS JOIN candidates t WHERE t.id = $1`,
    [templateId],
  );
  for (const table of SECTION_TABLES) {
    const sectionColumns = await columns(table, ['id', 'candidate_id']);
    await dataSource.query(
      `INSERT INTO ${table} (candidate_id, ${sectionColumns.join(', ')})
       SELECT f.id, ${sectionColumns.map((column) => `t.${column}`).join(', ')}
         FROM fault_clones f CROSS JOIN ${table} t WHERE t.candidate_id = $1`,
      [templateId],
    );
  }
  const clones = await dataSource.query<{ id: string; code: string }[]>(
    'SELECT id, code FROM fault_clones ORDER BY g',
  );
  await dataSource.query('DROP TABLE fault_clones');
  const outbox = sut.get(OutboxService);
  await dataSource.transaction(async (manager) => {
    for (const clone of clones)
      await outbox.add(manager, 'candidates.sync-index', {
        candidateId: clone.id,
        referenceCode: clone.code,
      });
  });
  return clones.map((clone) => clone.id);
}

/**
 * The worker process is killed with SIGKILL in the middle of indexing and matching 5,000 profile
 * changes, then started again: every change ends up indexed and matched, nothing twice or lost.
 */
describe('fault: the worker killed with SIGKILL mid-work', () => {
  let sut: NestExpressApplication;
  let checker: TestingModule;
  let child: ChildProcess | undefined;
  let dataSource: DataSource;

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get(getDataSourceToken());
    const world = await buildWorld(sut, { candidates: 1, vacancies: 2, drafts: 0 });
    const worker = await startWorker();
    await settleWorld(worker);
    await worker.close();
    checker = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, ConsistencyModule],
    }).compile();
    await checker.init();
    await cloneProfiles(sut, world.candidates[0].candidateId);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await checker?.close();
    await closeApp(sut);
  });

  it('converges after the restart: every profile indexed and matched, zero drift', async () => {
    child = spawnWorker();
    const matched = () =>
      dataSource
        .query<{ n: number }[]>('SELECT count(DISTINCT candidate_id)::int AS n FROM matches')
        .then(([row]) => row.n);
    // Killed once indexing and matching are well under way, and far from done.
    await waitFor(async () => (await matched()) >= 200, {
      what: 'matching under way',
      timeoutMs: DRAIN_DEADLINE_MS,
    });
    const killedAt = await matched();
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(killedAt).toBeLessThan(CHANGES);

    child = spawnWorker();
    await drainQueues(sut, ALL_QUEUES, { timeoutMs: 5 * DRAIN_DEADLINE_MS });

    expect(await matched()).toBe(CHANGES + 1);
    const report = await checker.get(ConsistencyChecker).check({ repair: false });
    expect(driftOf(report)).toEqual({});
    expect(report.totals.indexes).toEqual(
      expect.arrayContaining([{ index: 'candidates', expected: CHANGES + 1, indexed: CHANGES + 1 }]),
    );
    // Above jest's default: its deadlines (work under way, then five drain deadlines) sum to 18 min.
  }, 1_200_000);
});

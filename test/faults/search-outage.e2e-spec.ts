import { APP_CONFIG, type AppConfig } from '@app/config';
import { ConsistencyChecker } from '@app/consistency';
import { ensureLocalMeilisearch, MEILI_CLIENT, SearchIndexes, settle, type LocalMeilisearch } from '@app/search';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Meilisearch } from 'meilisearch';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ESCO } from '../factories/candidate.factory';
import { TEST_MEILI_INSTANCE_PREFIX, testDataDir } from '../setup/test-run';
import { closeApp, createApiApp } from '../utils/api-app';
import { SETUP_TIMEOUT_MS } from '../utils/deadlines';
import { drainQueues } from '../utils/drain';
import { waitFor } from '../utils/wait-for';
import {
  ALL_QUEUES,
  buildWorld,
  configWith,
  driftOf,
  settleWorld,
  startWorker,
  type FaultWorld,
} from './fault-world';

/**
 * Meilisearch (this spec's own instance) stops while the API takes writes, then comes back on the
 * same address: writes keep succeeding, search answers a clear 503 meanwhile, the worker waits
 * without using up its jobs' attempts, and the indexes converge.
 */
describe('fault: Meilisearch stopped during writes and restarted', () => {
  const instance = `${TEST_MEILI_INSTANCE_PREFIX}${process.env.TEST_RUN_ID ?? 'local'}-outage`;
  let engine: LocalMeilisearch;
  let port: number;
  let config: AppConfig;
  let sut: NestExpressApplication;
  let worker: TestingModule;
  let dataSource: DataSource;
  let world: FaultWorld;
  const http = () => request(sut.getHttpServer());
  const jobSearch = () => http().get('/api/v1/search/jobs').query({ text: 'welder' });
  const outboxRelayed = (what: string) =>
    waitFor(
      async () =>
        (
          await dataSource.query<{ n: number }[]>(
            'SELECT count(*)::int AS n FROM outbox_messages WHERE relayed_at IS NULL',
          )
        )[0].n === 0,
      { what },
    );

  beforeAll(async () => {
    engine = await ensureLocalMeilisearch({ dataDir: testDataDir(), instance });
    port = Number(new URL(engine.url).port);
    config = configWith({
      MEILI_URL: engine.url,
      MEILI_MASTER_KEY: engine.masterKey,
      SEARCH_INDEX_PREFIX: `${configWith({}).search.indexPrefix}outage_`,
    });
    sut = await createApiApp({
      override: (builder) => builder.overrideProvider(APP_CONFIG).useValue(config),
    });
    dataSource = sut.get(getDataSourceToken());
    world = await buildWorld(sut, { candidates: 3, vacancies: 1, drafts: 2 });
    worker = await startWorker(config);
    await settleWorld(worker);
    // Real services and flows through the API: a loaded machine can take minutes to set this up.
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await worker?.close();
    await closeApp(sut);
    await engine?.stop();
    await rm(join(testDataDir(), instance), { recursive: true, force: true });
  });

  it('keeps accepting writes, answers search with 503, and converges once the engine is back', async () => {
    await jobSearch().expect(200);
    await engine.stop();

    for (const [i, candidate] of world.candidates.entries()) {
      await http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send({ occupations: [{ uri: ESCO.welder, yearsOfExperience: 20 + i }] })
        .expect(200);
    }
    for (const draft of world.drafts) {
      await http()
        .post(`/api/v1/vacancies/${draft}/publish`)
        .auth(world.employer.user.accessToken, { type: 'bearer' })
        .expect(200);
    }
    const unavailable = await jobSearch().expect(503);
    expect(unavailable.body.error.code).toBe('SEARCH_UNAVAILABLE');
    // The worker has picked the changes up and found the engine away.
    await outboxRelayed('the outbox relayed while the engine is away');

    engine = await ensureLocalMeilisearch({ dataDir: testDataDir(), instance, port });
    await drainQueues(worker, ALL_QUEUES);

    const report = await worker.get(ConsistencyChecker).check({ repair: false });
    expect(driftOf(report)).toEqual({});
    expect(report.totals.indexes).toEqual(
      expect.arrayContaining([{ index: 'vacancies', expected: 3, indexed: 3 }]),
    );
    const found = await jobSearch().expect(200);
    expect(found.body.total).toBeGreaterThan(0);
  });

  it('boots a worker while the engine is away, which waits and indexes on its own once the engine is back', async () => {
    await worker.close();
    await engine.stop();
    for (const [i, candidate] of world.candidates.entries()) {
      await http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send({ occupations: [{ uri: ESCO.welder, yearsOfExperience: 30 + i }] })
        .expect(200);
    }

    worker = await startWorker(config);
    await outboxRelayed('the outbox relayed by a worker started while the engine is away');
    engine = await ensureLocalMeilisearch({ dataDir: testDataDir(), instance, port });
    await drainQueues(worker, ALL_QUEUES);

    expect(driftOf(await worker.get(ConsistencyChecker).check({ repair: false }))).toEqual({});
    const found = await jobSearch().expect(200);
    expect(found.body.total).toBeGreaterThan(0);
  });
  it('answers 503 while the engine has lost an index, reports it whole as missing, and a repair brings it back', async () => {
    // The engine comes back without the vacancies index (its data lost), the worker running.
    const client = worker.get<Meilisearch>(MEILI_CLIENT);
    await settle(client.deleteIndex(worker.get(SearchIndexes).uid('vacancies')));
    const unavailable = await jobSearch().expect(503);
    expect(unavailable.body.error.code).toBe('SEARCH_UNAVAILABLE');

    const checker = worker.get(ConsistencyChecker);
    const lost = await checker.check({ repair: true });
    const live = lost.totals.indexes.find((total) => total.index === 'vacancies');
    expect(live).toEqual({ index: 'vacancies', expected: 3, indexed: 0 });
    expect(driftOf(lost)).toEqual({ 'vacancies.missing': 3 });
    await drainQueues(worker, ALL_QUEUES);

    expect(driftOf(await checker.check({ repair: false }))).toEqual({});
    // Rebuilt with its settings: filtering and sorting work again.
    const found = await jobSearch().query({ memberStates: 'NL', sort: 'newest' }).expect(200);
    expect(found.body.total).toBe(3);
  });
});

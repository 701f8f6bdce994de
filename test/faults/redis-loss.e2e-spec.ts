import { APP_CONFIG, type AppConfig } from '@app/config';
import { ConsistencyChecker } from '@app/consistency';
import { OutboxRelay } from '@app/queue';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ESCO } from '../factories/candidate.factory';
import { closeApp, createApiApp } from '../utils/api-app';
import { SETUP_TIMEOUT_MS } from '../utils/deadlines';
import { drainQueues } from '../utils/drain';
import {
  ALL_QUEUES,
  buildWorld,
  deleteQueueKeys,
  driftOf,
  settleWorld,
  startWorker,
  type FaultWorld,
} from './fault-world';

/**
 * Changes are committed and relayed to BullMQ, then Redis loses everything (as a flush or a restart
 * without persistence would) before any worker ran them: the outbox relays them again and the
 * indexes and matches converge.
 */
describe('fault: Redis flushed with jobs relayed but not run', () => {
  let sut: NestExpressApplication;
  let worker: TestingModule | undefined;
  let dataSource: DataSource;
  let world: FaultWorld;

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get(getDataSourceToken());
    world = await buildWorld(sut, { candidates: 6, vacancies: 2, drafts: 2 });
    worker = await startWorker();
    await settleWorld(worker);
    await worker.close();
    worker = undefined;
    // Real services and flows through the API: a loaded machine can take minutes to set this up.
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await worker?.close();
    await closeApp(sut);
  });

  it('re-delivers from the outbox after the queues are lost, and everything converges', async () => {
    for (const [i, candidate] of world.candidates.entries()) {
      await request(sut.getHttpServer())
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send({ occupations: [{ uri: ESCO.welder, yearsOfExperience: 10 + i }] })
        .expect(200);
    }
    for (const draft of world.drafts) {
      await request(sut.getHttpServer())
        .post(`/api/v1/vacancies/${draft}/publish`)
        .auth(world.employer.user.accessToken, { type: 'bearer' })
        .expect(200);
    }
    // No worker runs: the relay moves the messages to BullMQ, where they wait, and are lost.
    expect(await sut.get(OutboxRelay).drain()).toBeGreaterThan(0);
    const [{ pending }] = await dataSource.query<{ pending: number }[]>(
      'SELECT count(*)::int AS pending FROM outbox_messages WHERE relayed_at IS NULL',
    );
    expect(pending).toBe(0);
    expect(await deleteQueueKeys(sut.get<AppConfig>(APP_CONFIG))).toBeGreaterThan(0);

    worker = await startWorker();
    // The relay's next pass (here or in the worker's own loop) finds the queues' epoch mark gone.
    await worker.get(OutboxRelay).drain();
    await drainQueues(worker, ALL_QUEUES);

    const report = await worker.get(ConsistencyChecker).check({ repair: false });
    expect(driftOf(report)).toEqual({});
    expect(report.totals.indexes).toEqual(
      expect.arrayContaining([{ index: 'vacancies', expected: 4, indexed: 4 }]),
    );
    const published = await dataSource.query<{ n: number }[]>(
      'SELECT count(DISTINCT vacancy_id)::int AS n FROM matches WHERE vacancy_id = ANY($1::uuid[])',
      [world.drafts],
    );
    expect(published[0].n).toBe(world.drafts.length);
  });
});

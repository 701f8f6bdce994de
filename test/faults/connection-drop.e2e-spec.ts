import { loadConfig } from '@app/config';
import { ConsistencyChecker } from '@app/consistency';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { closeApp, createApiApp } from '../utils/api-app';
import { SETUP_TIMEOUT_MS } from '../utils/deadlines';
import { drainQueues } from '../utils/drain';
import { waitFor } from '../utils/wait-for';
import { ALL_QUEUES, buildWorld, driftOf, settleWorld, startWorker, type FaultWorld } from './fault-world';

/**
 * A request's Postgres connection is ended (`pg_terminate_backend`) after it wrote part of its
 * transaction: the request fails with a clean 503, nothing of it stays, and the next one succeeds.
 */
describe('fault: a Postgres connection dropped mid-request', () => {
  let sut: NestExpressApplication;
  let worker: TestingModule | undefined;
  let dataSource: DataSource;
  let world: FaultWorld;
  let blocker: Client;

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get(getDataSourceToken());
    world = await buildWorld(sut, { candidates: 2, vacancies: 1, drafts: 1 });
    blocker = new Client({ connectionString: loadConfig().database.url });
    await blocker.connect();
    // Real services and flows through the API: a loaded machine can take minutes to set this up.
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await blocker?.end();
    await worker?.close();
    await closeApp(sut);
  });

  it('answers 503 in the error shape and leaves nothing half-written; the next request succeeds', async () => {
    const [draft] = world.drafts;
    const publish = () =>
      request(sut.getHttpServer())
        .post(`/api/v1/vacancies/${draft}/publish`)
        .auth(world.employer.user.accessToken, { type: 'bearer' });
    // Holds back the publication's last write, the outbox message, after it changed the vacancy
    // and wrote its audit event in the same transaction.
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE outbox_messages IN EXCLUSIVE MODE');
    let early: request.Response | undefined;
    const answer = publish().then((response) => (early = response));
    const pid = await waitFor(
      async () => {
        if (early) throw new Error(`the publication answered ${early.status} before its outbox write`);
        // Statistics are a snapshot per transaction, and the blocker is inside one.
        await blocker.query('SELECT pg_stat_clear_snapshot()');
        const [row] = (
          await blocker.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid()
                AND wait_event_type = 'Lock' AND query ILIKE '%outbox_messages%'`,
          )
        ).rows;
        return row?.pid;
      },
      { what: 'the publication to wait on its outbox write' },
    );
    await blocker.query('SELECT pg_terminate_backend($1)', [pid]);
    await blocker.query('COMMIT');

    const failed = await answer;
    expect(failed.status).toBe(503);
    expect(failed.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', requestId: expect.any(String) });
    const [vacancy] = await dataSource.query<{ status: string }[]>(
      'SELECT status FROM vacancies WHERE id = $1',
      [draft],
    );
    expect(vacancy.status).toBe('draft');
    const written = await dataSource.query<{ n: number }[]>(
      `SELECT (SELECT count(*)::int FROM audit_events WHERE target_id = $1 AND action = 'vacancy.published')
            + (SELECT count(*)::int FROM outbox_messages WHERE payload->>'vacancyId' = $1) AS n`,
      [draft],
    );
    expect(written[0].n).toBe(0);

    const retried = await publish().expect(200);
    expect(retried.body.status).toBe('published');

    worker = await startWorker();
    await settleWorld(worker);
    await drainQueues(worker, ALL_QUEUES);
    expect(driftOf(await worker.get(ConsistencyChecker).check({ repair: false }))).toEqual({});
  });
});

import { APP_CONFIG, type AppConfig } from '@app/config';
import { SIGNATURE_HEADER, verifySignature, WebhookDeliveries } from '@app/notifications';
import type { PlatformEvent } from '@app/queue';
import { ShortageSeeder } from '@app/shortage-occupations';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { AccountFactory, type SignedInAccount } from './factories/account.factory';
import { EmployerFactory, type RegisteredEmployer } from './factories/employer.factory';
import { CandidateFactory, seedCandidateFixtures } from './factories/candidate.factory';
import { VacancyFactory } from './factories/vacancy.factory';
import { ContactSteps } from './utils/contacts';
import { closeApp, createApiApp } from './utils/api-app';
import { truncateAll } from './utils/database';
import { clearRateLimits } from './utils/rate-limits';
import { waitFor } from './utils/wait-for';

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A partner system on loopback: records what it receives, answers each path with its status. */
async function startReceiver(): Promise<{
  server: Server;
  url: string;
  received: Received[];
  status: Map<string, number>;
}> {
  const received: Received[] = [];
  const status = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = status.get(path) ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, received, status };
}

describe('signed webhooks for partner systems', () => {
  let sut: NestExpressApplication;
  let worker: TestingModule;
  let dataSource: DataSource;
  let admin: SignedInAccount;
  let ncpNl: SignedInAccount;
  let employer: RegisteredEmployer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const http = () => request(sut.getHttpServer());

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    await seedCandidateFixtures(sut);
    await sut.get(ShortageSeeder).seed();
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
    const accounts = new AccountFactory(sut);
    admin = await accounts.admin();
    ncpNl = await accounts.ncp(admin, 'NL');
    employer = await new EmployerFactory(sut, accounts).verified(ncpNl);
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await worker?.close();
    await closeApp(sut);
    await new Promise((resolve) => receiver?.server.close(resolve));
  });

  const register = (account: SignedInAccount, body: Record<string, unknown>) =>
    http().post('/api/v1/admin/webhooks/endpoints').auth(account.accessToken, { type: 'bearer' }).send(body);

  const publishVacancy = () => new VacancyFactory(sut).published(employer);

  it('lets only administrators manage endpoints and refuses internal destinations', async () => {
    const body = { url: `${receiver.url}/nobody`, eventTypes: ['vacancy.published'] };
    await register(ncpNl, body).expect(403);
    await register(employer.user, body).expect(403);
    await http().post('/api/v1/admin/webhooks/endpoints').send(body).expect(401);
    await http()
      .get('/api/v1/admin/webhooks/deliveries')
      .auth(ncpNl.accessToken, { type: 'bearer' })
      .expect(403);
    for (const url of [
      'http://10.1.2.3/hook',
      'http://192.168.0.10/hook',
      'ftp://example.org/x',
      'not a url',
    ]) {
      const refused = await register(admin, { url, eventTypes: ['vacancy.published'] }).expect(400);
      expect(refused.body.error.code).toBe('WEBHOOK_DESTINATION_REFUSED');
    }
    const unknownType = await register(admin, { url: `${receiver.url}/x`, eventTypes: ['profile.deleted'] });
    expect(unknownType.status).toBe(400);
  });

  it('signs each delivery, retries a failing endpoint with a logged attempt each time, and replays', async () => {
    const good = await register(admin, {
      url: `${receiver.url}/good`,
      eventTypes: ['vacancy.published', 'vacancy.closed'],
      description: 'Public employment service',
    }).expect(201);
    const failing = await register(admin, {
      url: `${receiver.url}/failing`,
      eventTypes: ['vacancy.published'],
    }).expect(201);
    expect(good.body.secret).toMatch(/^whsec_/);
    receiver.status.set('/failing', 500);
    const listed = await http()
      .get('/api/v1/admin/webhooks/endpoints')
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(200);
    expect(listed.body.items.every((item: Record<string, unknown>) => !('secret' in item))).toBe(true);

    const vacancyId = await publishVacancy();

    const delivered = await waitFor(
      () =>
        Promise.resolve(
          receiver.received.find((entry) => entry.path === '/good' && entry.body.includes(vacancyId)),
        ),
      { what: 'the signed delivery to arrive' },
    );
    const header = String(delivered.headers[SIGNATURE_HEADER]);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(good.body.secret, header, delivered.body)).toBe(true);
    expect(verifySignature(failing.body.secret, header, delivered.body)).toBe(false);
    expect(verifySignature(good.body.secret, header, delivered.body.replace(vacancyId, 'x'))).toBe(false);
    expect(JSON.parse(delivered.body)).toMatchObject({
      type: 'vacancy.published',
      data: { vacancyId, organisationId: employer.organisationId },
    });

    const config = sut.get<AppConfig>(APP_CONFIG);
    const log = async () =>
      (
        await http()
          .get('/api/v1/admin/webhooks/deliveries')
          .query({ endpointId: failing.body.id, limit: 10 })
          .auth(admin.accessToken, { type: 'bearer' })
          .expect(200)
      ).body;
    const failed = await waitFor(
      async () => {
        const page = await log();
        return page.items.find((item: { status: string }) => item.status === 'failed');
      },
      { what: 'the failing delivery to use every attempt' },
    );
    expect(failed).toMatchObject({
      attempts: config.queue.attempts,
      lastStatusCode: 500,
      eventType: 'vacancy.published',
    });
    expect(receiver.received.filter((entry) => entry.path === '/failing')).toHaveLength(
      config.queue.attempts,
    );

    receiver.status.set('/failing', 204);
    const replay = await http()
      .post(`/api/v1/admin/webhooks/deliveries/${failed.id}/replay`)
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(202);
    expect(replay.body).toMatchObject({ replayOf: failed.id, status: 'pending', eventId: failed.eventId });
    await waitFor(
      async () =>
        (await log()).items.find(
          (item: { id: string; status: string }) => item.id === replay.body.id && item.status === 'delivered',
        ),
      { what: 'the replay to be delivered' },
    );
    const replayed = receiver.received.filter((entry) => entry.path === '/failing').at(-1)!;
    expect(
      verifySignature(failing.body.secret, String(replayed.headers[SIGNATURE_HEADER]), replayed.body),
    ).toBe(true);
    await http()
      .post('/api/v1/admin/webhooks/deliveries/00000000-0000-4000-8000-000000000000/replay')
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(404);
  });

  it('delivers an event once however often it is dispatched', async () => {
    const [message]: { payload: { eventId: string } }[] = await dataSource.query(
      `SELECT payload FROM outbox_messages WHERE job_name = 'events.dispatch' AND payload->>'type' = 'vacancy.published'
        ORDER BY id DESC LIMIT 1`,
    );
    const deliveries = worker.get(WebhookDeliveries);
    const before: { n: number }[] = await dataSource.query(
      'SELECT count(*)::int AS n FROM webhook_deliveries WHERE event_id = $1 AND replay_of IS NULL',
      [message.payload.eventId],
    );
    expect(await deliveries.fanOut(message.payload as PlatformEvent)).toBe(0);
    const after: { n: number }[] = await dataSource.query(
      'SELECT count(*)::int AS n FROM webhook_deliveries WHERE event_id = $1 AND replay_of IS NULL',
      [message.payload.eventId],
    );
    expect(after[0].n).toBe(before[0].n);
  });

  it('tells a subscribed partner of consent granted and withdrawn, with the reference code only', async () => {
    const endpoint = await register(admin, {
      url: `${receiver.url}/consent`,
      eventTypes: ['consent.granted', 'consent.withdrawn', 'profile.renewed', 'placement.recorded'],
    }).expect(201);
    const vacancyId = await publishVacancy();
    const candidate = await new CandidateFactory(sut).active();
    const steps = new ContactSteps(sut);
    const applied = await steps.apply(candidate, vacancyId).expect(201);
    await steps.answer(candidate, applied.body.contactId, 'withdraw').expect(200);
    await http()
      .post('/api/v1/candidates/me/renew')
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(200);
    const hired = await new CandidateFactory(sut).active();
    await steps.apply(hired, vacancyId).expect(201);
    await http()
      .put(`/api/v1/vacancies/${vacancyId}/pipeline/${hired.referenceCode}/stage`)
      .auth(employer.user.accessToken, { type: 'bearer' })
      .send({ stage: 'hired' })
      .expect(200);

    const types = await waitFor(
      () => {
        const bodies = receiver.received
          .filter((entry) => entry.path === '/consent')
          .map((entry) => {
            expect(
              verifySignature(endpoint.body.secret, String(entry.headers[SIGNATURE_HEADER]), entry.body),
            ).toBe(true);
            return JSON.parse(entry.body) as { type: string; data: Record<string, string> };
          });
        return Promise.resolve(bodies.length >= 5 ? bodies : null);
      },
      { what: 'the consent and renewal deliveries' },
    );
    expect(types.map((body) => body.type).sort()).toEqual([
      'consent.granted',
      'consent.granted',
      'consent.withdrawn',
      'placement.recorded',
      'profile.renewed',
    ]);
    expect(types.find((body) => body.type === 'placement.recorded')!.data).toEqual({
      contactId: expect.any(String),
      vacancyId,
      referenceCode: hired.referenceCode,
    });
    const granted = types.find(
      (body) => body.type === 'consent.granted' && body.data.referenceCode === candidate.referenceCode,
    )!;
    expect(granted.data).toEqual({
      contactId: applied.body.contactId,
      vacancyId,
      organisationId: employer.organisationId,
      referenceCode: candidate.referenceCode,
    });
    // The same steps reach the employer's notification centre (in the app: contacts mails them itself).
    const inbox = await waitFor(
      async () => {
        const page = await http()
          .get('/api/v1/me/notifications')
          .auth(employer.user.accessToken, { type: 'bearer' })
          .expect(200);
        const steps = (page.body.items as { kind: string }[]).filter(
          (item) => item.kind === 'contact_update',
        );
        return steps.length >= 3 ? steps : null;
      },
      { what: 'the contact steps in the employer’s notifications' },
    );
    expect(inbox).toHaveLength(3);
    const everything = receiver.received.map((entry) => entry.body).join('\n');
    for (const personal of [candidate.email, 'Amina', 'El Idrissi', '+212'])
      expect(everything).not.toContain(personal);
  });
});

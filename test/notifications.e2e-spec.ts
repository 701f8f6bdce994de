import { APP_CONFIG, type AppConfig } from '@app/config';
import { CandidateLifecycle } from '@app/candidates';
import {
  EventNotifications,
  NewMatchNotices,
  NotificationDigests,
  VacancyExpiryNotices,
} from '@app/notifications';
import type { PlatformEvent } from '@app/queue';
import { ShortageSeeder } from '@app/shortage-occupations';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { AccountFactory, type SignedInAccount } from './factories/account.factory';
import { CandidateFactory, seedCandidateFixtures } from './factories/candidate.factory';
import { EmployerFactory, type RegisteredEmployer } from './factories/employer.factory';
import { VacancyFactory } from './factories/vacancy.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { truncateAll } from './utils/database';
import { drainQueues } from './utils/drain';
import { clearRateLimits } from './utils/rate-limits';
import { waitFor } from './utils/wait-for';

describe('notification centre', () => {
  let sut: NestExpressApplication;
  let worker: TestingModule;
  let dataSource: DataSource;
  let admin: SignedInAccount;
  let ncpNl: SignedInAccount;
  let employers: EmployerFactory;
  const http = () => request(sut.getHttpServer());
  const bearer = (account: SignedInAccount) => ({ type: 'bearer' as const, token: account.accessToken });

  const mailsTo = async (email: string, template: string): Promise<number> => {
    const [{ n }]: { n: number }[] = await dataSource.query(
      'SELECT count(*)::int AS n FROM mail_messages WHERE to_address = $1 AND template = $2',
      [email, template],
    );
    return n;
  };
  const notificationsOf = async (account: SignedInAccount, query: Record<string, unknown> = {}) =>
    (
      await http()
        .get('/api/v1/me/notifications')
        .query(query)
        .auth(account.accessToken, { type: 'bearer' })
        .expect(200)
    ).body as {
      items: { id: string; kind: string; title: string; readAt: string | null }[];
      total: number;
    };
  const settle = () => drainQueues(worker, ['notifications', 'mail']);

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
    employers = new EmployerFactory(sut, accounts);
  });

  afterAll(async () => {
    await worker?.close();
    await closeApp(sut);
  });

  async function registeredWith(channel: string | null, language?: string): Promise<RegisteredEmployer> {
    const employer = await employers.registered();
    if (channel || language) {
      await http()
        .put('/api/v1/me/notification-preferences')
        .auth(employer.user.accessToken, { type: 'bearer' })
        .send({
          ...(language ? { language } : {}),
          ...(channel ? { channels: { employer_verified: channel } } : {}),
        })
        .expect(200);
    }
    return employer;
  }

  it('tells the NCP of the Member State that an employer waits for verification', async () => {
    const before = await notificationsOf(ncpNl);
    await employers.registered();
    await settle();
    const after = await notificationsOf(ncpNl, { unread: true });
    expect(after.total).toBe(before.total + 1);
    expect(after.items[0]).toMatchObject({ kind: 'employer_awaiting_verification', readAt: null });
    await waitFor(
      async () => (await mailsTo(ncpNl.email, 'notifications.employer_awaiting_verification')) > 0,
      {
        what: 'the NCP mail',
      },
    );
  });

  it('honours each user’s preference: immediate, digest and off', async () => {
    const immediate = await registeredWith(null);
    const digest = await registeredWith('digest', 'fr');
    const off = await registeredWith('off');
    const preferences = await http()
      .get('/api/v1/me/notification-preferences')
      .auth(digest.user.accessToken, { type: 'bearer' })
      .expect(200);
    expect(preferences.body).toMatchObject({
      language: 'fr',
      channels: { employer_verified: 'digest', employer_suspended: 'immediate', new_matches: 'digest' },
    });
    for (const employer of [immediate, digest, off])
      await employers.setStatus(ncpNl, employer.organisationId, 'verified').expect(200);
    await settle();

    for (const employer of [immediate, digest, off]) {
      const list = await notificationsOf(employer.user);
      expect(list.items.map((item) => item.kind)).toEqual(['employer_verified']);
    }
    expect((await notificationsOf(digest.user)).items[0].title).toBe('Votre organisation est vérifiée');
    expect(await mailsTo(immediate.user.email, 'notifications.employer_verified')).toBe(1);
    expect(await mailsTo(digest.user.email, 'notifications.employer_verified')).toBe(0);
    expect(await mailsTo(off.user.email, 'notifications.employer_verified')).toBe(0);

    const digests = worker.get(NotificationDigests);
    await digests.send();
    await digests.send();
    expect(await mailsTo(digest.user.email, 'notifications.digest')).toBe(1);
    expect(await mailsTo(off.user.email, 'notifications.digest')).toBe(0);
    expect(await mailsTo(immediate.user.email, 'notifications.digest')).toBe(0);
    const [mail]: { subject: string }[] = await dataSource.query(
      `SELECT subject FROM mail_messages WHERE to_address = $1 AND template = 'notifications.digest'`,
      [digest.user.email],
    );
    expect(mail.subject).toContain('Réservoir européen de talents');

    // A suspension is mailed at once for `digest` (its own kind keeps the default).
    await employers.setStatus(ncpNl, digest.organisationId, 'suspended', 'Breach of the rules').expect(200);
    await settle();
    expect(await mailsTo(digest.user.email, 'notifications.employer_suspended')).toBe(1);
  });

  it('never makes a second notification for a re-delivered event', async () => {
    const employer = await employers.registered();
    await employers.setStatus(ncpNl, employer.organisationId, 'verified').expect(200);
    await settle();
    const [message]: { payload: PlatformEvent }[] = await dataSource.query(
      `SELECT payload FROM outbox_messages WHERE job_name = 'events.dispatch'
        AND payload->>'organisationId' = $1 AND payload->>'type' = 'employer.status_changed'`,
      [employer.organisationId],
    );
    expect(await worker.get(EventNotifications).onEvent(message.payload)).toBe(0);
    expect((await notificationsOf(employer.user)).total).toBe(1);
    expect(await mailsTo(employer.user.email, 'notifications.employer_verified')).toBe(1);
  });

  it('lets a user read and mark only their own notifications', async () => {
    const owner = await registeredWith(null);
    const other = await registeredWith(null);
    await employers.setStatus(ncpNl, owner.organisationId, 'verified').expect(200);
    await settle();
    const [own] = (await notificationsOf(owner.user)).items;
    expect((await notificationsOf(other.user)).items.map((item) => item.id)).not.toContain(own.id);

    const refused = await http()
      .post(`/api/v1/me/notifications/${own.id}/read`)
      .auth(bearer(other.user).token, { type: 'bearer' })
      .expect(404);
    expect(refused.body.error.code).toBe('NOTIFICATION_NOT_FOUND');
    expect((await notificationsOf(owner.user, { unread: true })).total).toBe(1);
    await http().get('/api/v1/me/notifications').expect(401);
    await http().post(`/api/v1/me/notifications/${own.id}/read`).expect(401);

    await http()
      .post(`/api/v1/me/notifications/${own.id}/read`)
      .auth(owner.user.accessToken, { type: 'bearer' })
      .expect(204);
    expect((await notificationsOf(owner.user, { unread: true })).total).toBe(0);
    expect((await notificationsOf(owner.user)).items[0].readAt).not.toBeNull();

    await http()
      .put('/api/v1/me/notification-preferences')
      .auth(owner.user.accessToken, { type: 'bearer' })
      .send({ channels: { employer_verified: 'sometimes' } })
      .expect(400);
    await http()
      .put('/api/v1/me/notification-preferences')
      .auth(owner.user.accessToken, { type: 'bearer' })
      .send({ language: 'de' })
      .expect(400);
  });

  it('notifies an employer once ahead of a vacancy’s expiry, and a candidate of the profile reminder', async () => {
    const employer = await employers.registered();
    await employers.setStatus(ncpNl, employer.organisationId, 'verified').expect(200);
    const vacancyId = await new VacancyFactory(sut).published(employer);
    await dataSource.query(`UPDATE vacancies SET expires_at = now() + interval '3 days' WHERE id = $1`, [
      vacancyId,
    ]);
    const notices = worker.get(VacancyExpiryNotices);
    await notices.send();
    await notices.send();
    await settle();
    const kinds = (await notificationsOf(employer.user)).items.map((item) => item.kind);
    expect(kinds.filter((kind) => kind === 'vacancy_expiring')).toHaveLength(1);
    expect(await mailsTo(employer.user.email, 'notifications.vacancy_expiring')).toBe(1);

    const candidate = await new CandidateFactory(sut).active();
    await dataSource.query(`UPDATE candidates SET expires_at = now() + interval '5 days' WHERE id = $1`, [
      candidate.candidateId,
    ]);
    // The worker's own scheduled run may hold the row when this one looks (SKIP LOCKED): either
    // run reminds, so wait for the reminder, then check that it came once.
    await worker.get(CandidateLifecycle).runScheduled();
    await settle();
    await waitFor(async () => (await notificationsOf(candidate)).total > 0, { what: 'the profile reminder' });
    await worker.get(CandidateLifecycle).runScheduled();
    await settle();
    const list = await notificationsOf(candidate);
    expect(list.items.map((item) => item.kind)).toEqual(['profile_expiring']);

    // The candidate and the vacancy match: each side hears of it once, in its digest.
    await drainQueues(worker, ['candidates', 'vacancies', 'matching'], { timeoutMs: 180_000 });
    const newMatches = worker.get(NewMatchNotices);
    expect(await newMatches.send()).toBeGreaterThanOrEqual(2);
    expect(await newMatches.send()).toBe(0);
    const kindsOf = async (account: SignedInAccount) =>
      (await notificationsOf(account)).items.map((item) => item.kind);
    expect((await kindsOf(candidate)).filter((kind) => kind === 'new_matches')).toHaveLength(1);
    expect((await kindsOf(employer.user)).filter((kind) => kind === 'new_matches')).toHaveLength(1);
    expect(await mailsTo(employer.user.email, 'notifications.new_matches')).toBe(0);
    // The candidates library mails the reminder itself; the centre keeps it in the app by default.
    expect(await mailsTo(candidate.email, 'notifications.profile_expiring')).toBe(0);
    expect(await mailsTo(candidate.email, 'candidates.expiry-reminder')).toBe(1);
  });
});

import { APP_CONFIG, type AppConfig } from '@app/config';
import { SavedSearchRunner } from '@app/notifications';
import { ShortageSeeder } from '@app/shortage-occupations';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { AccountFactory, type SignedInAccount } from './factories/account.factory';
import {
  CandidateFactory,
  ESCO,
  seedCandidateFixtures,
  type RegisteredCandidate,
} from './factories/candidate.factory';
import { EmployerFactory, type RegisteredEmployer } from './factories/employer.factory';
import { VacancyFactory } from './factories/vacancy.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { truncateAll } from './utils/database';
import { emptySearchIndexes } from './utils/search-indexes';
import { drainQueues } from './utils/drain';
import { clearRateLimits } from './utils/rate-limits';
import { waitFor } from './utils/wait-for';

interface SentMail {
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

describe('saved talent searches and job alerts', () => {
  let sut: NestExpressApplication;
  let worker: TestingModule;
  let dataSource: DataSource;
  let config: AppConfig;
  let employer: RegisteredEmployer;
  let candidates: CandidateFactory;
  let vacancies: VacancyFactory;
  const http = () => request(sut.getHttpServer());
  const drainIndexes = () =>
    drainQueues(worker, ['candidates', 'vacancies', 'matching'], { timeoutMs: 180_000 });

  /** Every alert mail of this template to this address, as sent (from the mailbox). */
  async function mailsTo(email: string, template: string): Promise<SentMail[]> {
    await drainQueues(worker, ['notifications', 'mail']);
    const rows: { id: string }[] = await dataSource.query(
      'SELECT id FROM mail_messages WHERE to_address = $1 AND template = $2 ORDER BY created_at',
      [email, template],
    );
    return Promise.all(
      rows.map((row) =>
        waitFor(
          async () =>
            JSON.parse(await readFile(join(config.mail.mailboxDir, `${row.id}.json`), 'utf8')) as SentMail,
          { what: 'the alert mail in the mailbox' },
        ),
      ),
    );
  }

  const runAlerts = async () => {
    await worker.get(SavedSearchRunner).runAll();
  };

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get(getDataSourceToken());
    config = sut.get<AppConfig>(APP_CONFIG);
    await truncateAll(dataSource);
    await clearRateLimits(config);
    await seedCandidateFixtures(sut);
    await sut.get(ShortageSeeder).seed();
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
    await emptySearchIndexes(sut);
    const accounts = new AccountFactory(sut);
    const admin = await accounts.admin();
    const ncp = await accounts.ncp(admin, 'NL');
    employer = await new EmployerFactory(sut, accounts).verified(ncp);
    candidates = new CandidateFactory(sut);
    vacancies = new VacancyFactory(sut);
  });

  afterAll(async () => {
    await worker?.close();
    await closeApp(sut);
  });

  it('mails an employer only the candidates not mailed before, pseudonymised', async () => {
    const first = await candidates.active();
    await drainIndexes();
    const saved = await http()
      .post('/api/v1/me/saved-searches/talent')
      .auth(employer.user.accessToken, { type: 'bearer' })
      .send({ name: 'Welders', query: { occupations: [ESCO.welder], lang: 'fr', limit: 5 } })
      .expect(201);
    expect(saved.body).toMatchObject({ kind: 'talent', active: true, query: { occupations: [ESCO.welder] } });
    expect(saved.body.query).not.toHaveProperty('limit');

    await runAlerts();
    const afterFirst = await mailsTo(employer.user.email, 'alerts.talent');
    expect(afterFirst).toHaveLength(1);
    expect(afterFirst[0].text).toContain(first.referenceCode);
    for (const personal of ['Amina', 'El Idrissi', first.email, '+212'])
      expect(afterFirst[0].text).not.toContain(personal);

    const second: RegisteredCandidate = await candidates.active();
    await drainIndexes();
    await runAlerts();
    await runAlerts();
    const afterSecond = await mailsTo(employer.user.email, 'alerts.talent');
    expect(afterSecond).toHaveLength(2);
    expect(afterSecond[1].text).toContain(second.referenceCode);
    expect(afterSecond[1].text).not.toContain(first.referenceCode);
  });

  it('mails a candidate new vacancies once, and a signed link stops the alert without signing in', async () => {
    const candidate: SignedInAccount = await candidates.active();
    const alert = await http()
      .post('/api/v1/me/saved-searches/jobs')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ name: 'Welding in NL', query: { occupations: [ESCO.welder], memberStates: ['NL'] } })
      .expect(201);
    await http()
      .post('/api/v1/me/saved-searches/talent')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ name: 'x', query: {} })
      .expect(403);
    await http()
      .post('/api/v1/me/saved-searches/jobs')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ name: 'bad', query: { occupations: ['not a uri'] } })
      .expect(400);
    await http()
      .delete(`/api/v1/me/saved-searches/${alert.body.id}`)
      .auth(employer.user.accessToken, { type: 'bearer' })
      .expect(404);

    const vacancyId = await vacancies.published(employer);
    await drainIndexes();
    await runAlerts();
    await runAlerts();
    const mails = await mailsTo(candidate.email, 'alerts.jobs');
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(vacancyId);
    const unsubscribeUrl = /<([^>]+)>/.exec(mails[0].headers?.['List-Unsubscribe'] ?? '')?.[1] ?? '';
    expect(mails[0].headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mails[0].text).toContain(unsubscribeUrl);
    // The link leads to the web front end's page, which relays to this API operation.
    expect(new URL(unsubscribeUrl).pathname).toMatch(/^\/alerts\/unsubscribe\/[^/]+$/);
    const path = `/api/v1${new URL(unsubscribeUrl).pathname}`;

    const shown = await http().get(path).expect(200);
    expect(shown.body).toEqual({ kind: 'jobs', name: 'Welding in NL', active: true });
    const signature = path.slice(path.lastIndexOf('.') + 1);
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    const tampered = `${path.slice(0, path.lastIndexOf('.') + 1)}${flipped}`;
    expect((await http().get(tampered).expect(400)).body.error.code).toBe('INVALID_UNSUBSCRIBE_LINK');
    await http().post(tampered).type('form').send('List-Unsubscribe=One-Click').expect(400);
    await http().get('/api/v1/alerts/unsubscribe/not-a-token').expect(400);

    const stopped = await http().post(path).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(stopped.body.active).toBe(false);
    await vacancies.published(employer);
    await drainIndexes();
    await runAlerts();
    expect(await mailsTo(candidate.email, 'alerts.jobs')).toHaveLength(1);
    const listed = await http()
      .get('/api/v1/me/saved-searches')
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: alert.body.id, active: false }] });
  });
});

import { APP_CONFIG, loadConfig } from '@app/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource, QueryRunner } from 'typeorm';
import { CandidateFactory, ESCO, type RegisteredCandidate } from './factories/candidate.factory';
import type { RegisteredEmployer } from './factories/employer.factory';
import { VacancyFactory } from './factories/vacancy.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { ContactSteps } from './utils/contacts';
import { resetWithVerifiedEmployer } from './utils/world';

const POOL_SIZE = 3;
/** Several times the pool: each kind alone is four times the connections the process has. */
const WRITES_PER_KIND = 4 * POOL_SIZE * 2;

function appWith(overrides: Record<string, string>): Promise<NestExpressApplication> {
  const config = loadConfig({ ...process.env, ...overrides });
  return createApiApp({ override: (builder) => builder.overrideProvider(APP_CONFIG).useValue(config) });
}

describe('transactions on a small pool', () => {
  let sut: NestExpressApplication;
  let dataSource: DataSource;
  let employer: RegisteredEmployer;
  let drafts: string[];
  let candidates: RegisteredCandidate[];
  let renewing: RegisteredCandidate[];
  const http = () => request(sut.getHttpServer());

  beforeAll(async () => {
    sut = await appWith({
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      // Generous: a busy machine must not be what fails this; a deadlock would wait forever.
      DATABASE_POOL_CHECKOUT_TIMEOUT_MS: '120000',
      REGISTRATIONS_PER_IP: '1000',
    });
    ({ dataSource, employer } = await resetWithVerifiedEmployer(sut));
    const vacancies = new VacancyFactory(sut);
    drafts = [];
    for (let i = 0; i < WRITES_PER_KIND; i++)
      drafts.push(await vacancies.draft(employer, { title: `Welder ${i}` }));
    const factory = new CandidateFactory(sut);
    candidates = [];
    for (let i = 0; i < WRITES_PER_KIND; i++) candidates.push(await factory.active());
    renewing = [];
    for (let i = 0; i < WRITES_PER_KIND; i++) renewing.push(await factory.active());
  });

  afterAll(() => closeApp(sut));

  it(`publishes ${WRITES_PER_KIND} vacancies, updates ${WRITES_PER_KIND} profiles and renews ${WRITES_PER_KIND} at once on ${POOL_SIZE} connections`, async () => {
    await dataSource.query(
      `UPDATE candidates SET expires_at = now() + interval '1 day' WHERE id = ANY($1::uuid[])`,
      [renewing.map((candidate) => candidate.candidateId)],
    );
    const publications = drafts.map((id) =>
      http().post(`/api/v1/vacancies/${id}/publish`).auth(employer.user.accessToken, { type: 'bearer' }),
    );
    const updates = candidates.map((candidate, i) =>
      http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send({ occupations: [{ uri: ESCO.welder, yearsOfExperience: i + 1 }] }),
    );
    const renewals = renewing.map((candidate) =>
      http().post('/api/v1/candidates/me/renew').auth(candidate.accessToken, { type: 'bearer' }),
    );
    const answers = await Promise.all([...publications, ...updates, ...renewals]);

    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    const published: { id: string; status: string; audited: number; queued: number }[] =
      await dataSource.query(
        `SELECT v.id, v.status,
              (SELECT count(*)::int FROM audit_events a WHERE a.target_id = v.id::text AND a.action = 'vacancy.published') AS audited,
              (SELECT count(*)::int FROM outbox_messages o WHERE o.job_name = 'vacancies.sync' AND o.payload->>'vacancyId' = v.id::text) AS queued
         FROM vacancies v WHERE v.id = ANY($1::uuid[])`,
        [drafts],
      );
    expect(published).toHaveLength(WRITES_PER_KIND);
    for (const vacancy of published)
      expect(vacancy).toMatchObject({ status: 'published', audited: 1, queued: 1 });
    const years: { id: string; years: string }[] = await dataSource.query(
      `SELECT candidate_id AS id, years_of_experience::text AS years FROM candidate_occupations
        WHERE candidate_id = ANY($1::uuid[])`,
      [candidates.map((candidate) => candidate.candidateId)],
    );
    expect(new Map(years.map((row) => [row.id, Number(row.years)]))).toEqual(
      new Map(candidates.map((candidate, i) => [candidate.candidateId, i + 1])),
    );
    const [{ renewed }]: { renewed: number }[] = await dataSource.query(
      `SELECT count(*)::int AS renewed FROM candidates
        WHERE id = ANY($1::uuid[]) AND status = 'active' AND expires_at > now() + interval '30 days'`,
      [renewing.map((candidate) => candidate.candidateId)],
    );
    expect(renewed).toBe(WRITES_PER_KIND);
  });
});

describe('an erasure that ends granted consents, with one free connection', () => {
  let sut: NestExpressApplication;
  let held: QueryRunner | undefined;

  beforeAll(async () => {
    // One connection stays free for the erasure, which must make every read of its transaction on it.
    sut = await appWith({ DATABASE_POOL_SIZE: '2', DATABASE_POOL_CHECKOUT_TIMEOUT_MS: '10000' });
  });

  afterAll(async () => {
    await held?.release();
    await closeApp(sut);
  });

  it('erases the profile, ends its consents and tells the employer on the one connection it holds', async () => {
    const { dataSource, employer } = await resetWithVerifiedEmployer(sut);
    const contactEmail = 'jobs-erasure@werf.example.nl';
    const vacancyId = await new VacancyFactory(sut).published(employer, {
      contact: { name: 'Ana Lopes', email: contactEmail },
    });
    const candidate = await new CandidateFactory(sut).active();
    await new ContactSteps(sut).apply(candidate, vacancyId).expect(201);
    held = dataSource.createQueryRunner();
    await held.connect();

    await request(sut.getHttpServer())
      .post('/api/v1/candidates/me/erase')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ confirmation: 'ERASE MY ACCOUNT' })
      .expect(204);

    await held.release();
    held = undefined;
    const receipts = await dataSource.query<{ via: string }[]>(
      'SELECT via FROM consent_receipts WHERE vacancy_id = $1 ORDER BY recorded_at',
      [vacancyId],
    );
    expect(receipts.map((receipt) => receipt.via)).toEqual(['application', 'erasure']);
    const mails = await dataSource.query<{ template: string }[]>(
      'SELECT template FROM mail_messages WHERE to_address = $1 ORDER BY created_at',
      [contactEmail],
    );
    expect(mails.map((mail) => mail.template)).toContain('contacts.consent-withdrawn');
    expect(await dataSource.query('SELECT 1 FROM candidates WHERE id = $1', [candidate.candidateId])).toEqual(
      [],
    );
  });
});

describe('a pool with no free connection', () => {
  let sut: NestExpressApplication;
  let held: QueryRunner[];

  beforeAll(async () => {
    sut = await appWith({ DATABASE_POOL_SIZE: '2', DATABASE_POOL_CHECKOUT_TIMEOUT_MS: '500' });
  });

  afterAll(async () => {
    for (const runner of held ?? []) await runner.release();
    await closeApp(sut);
  });

  it('answers 503 SERVICE_UNAVAILABLE in the error shape once the checkout times out, not 500', async () => {
    const dataSource = sut.get<DataSource>(getDataSourceToken());
    held = [dataSource.createQueryRunner(), dataSource.createQueryRunner()];
    for (const runner of held) await runner.connect();

    const response = await request(sut.getHttpServer()).get('/api/v1/reference/countries').expect(503);

    expect(response.headers['retry-after']).toBe('5');
    expect(response.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(response.body.error).not.toHaveProperty('errorId');
  });
});

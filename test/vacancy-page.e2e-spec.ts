import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import request from 'supertest';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { type AccountFactory, type SignedInAccount } from './factories/account.factory';
import { ESCO } from './factories/candidate.factory';
import { EmployerFactory, type RegisteredEmployer } from './factories/employer.factory';
import { VacancyFactory } from './factories/vacancy.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { drainQueues } from './utils/drain';
import { resetWithVerifiedEmployer } from './utils/world';

describe('public vacancy page', () => {
  let sut: NestExpressApplication;
  let worker: TestingModule | undefined;
  let employers: EmployerFactory;
  let vacancies: VacancyFactory;
  let ncp: SignedInAccount;
  let employer: RegisteredEmployer;
  const http = () => request(sut.getHttpServer());

  beforeAll(async () => {
    sut = await createApiApp();
    let accounts: AccountFactory;
    ({ accounts, ncp, employer } = await resetWithVerifiedEmployer(sut));
    employers = new EmployerFactory(sut, accounts);
    vacancies = new VacancyFactory(sut);
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
  });

  afterAll(async () => {
    await worker?.close();
    await closeApp(sut);
  });

  it('shows a live vacancy to anyone, labelled in the reader’s language, with the versioned notice', async () => {
    const id = await vacancies.published(employer);
    const page = await http().get(`/api/v1/jobs/${id}?lang=fr`).expect(200);
    expect(page.body).toMatchObject({
      id,
      title: 'MIG/MAG welder for ship repair',
      description: 'Welding of steel hull sections in a ship repair yard.',
      occupation: { uri: ESCO.welder, label: 'soudeur/soudeuse', language: 'fr', iscoCode: '7212' },
      languages: [{ code: 'fr', minCefr: 'B1', requirement: 'required' }],
      minEqfLevel: 3,
      placeOfWork: { memberState: 'NL', city: 'Rotterdam' },
      employer: { id: employer.organisationId, memberState: 'NL' },
      basis: 'shortage_list',
      readerLanguage: 'fr',
      notice: { version: expect.stringMatching(/^admission-notice-/), language: 'fr' },
    });
    expect(page.body.notice.text).toMatch(/visa/);
    expect(page.body.skills).toEqual(
      expect.arrayContaining([
        {
          uri: ESCO.weldMetal,
          label: 'souder des pièces métalliques',
          language: 'fr',
          requirement: 'essential',
        },
      ]),
    );
    expect(JSON.stringify(page.body)).not.toContain('jobs@werf.example.nl');

    const arabic = await http().get(`/api/v1/jobs/${id}?lang=ar`).expect(200);
    expect(arabic.body.occupation).toMatchObject({ label: 'welder', language: 'en' });
    expect(arabic.body.notice.language).toBe('ar');
    await http().get(`/api/v1/jobs/${id}?lang=de`).expect(400);
  });

  it('hides drafts and the vacancies of a suspended employer', async () => {
    const draft = await vacancies.draft(employer);
    expect((await http().get(`/api/v1/jobs/${draft}`).expect(404)).body.error.code).toBe('VACANCY_NOT_FOUND');
    const other = await employers.verified(ncp);
    const id = await vacancies.published(other);
    await http().get(`/api/v1/jobs/${id}`).expect(200);
    await employers.setStatus(ncp, other.organisationId, 'suspended').expect(200);
    await http().get(`/api/v1/jobs/${id}`).expect(404);
  });

  it('gives job-search hits a summary and a link to the page', async () => {
    const long = `${'Welding of steel hull sections in a ship repair yard. '.repeat(12)}End.`;
    const id = await vacancies.published(employer, { title: 'Hull welder', description: long });
    await drainQueues(sut, ['vacancies'], { timeoutMs: 30_000 });
    const found = await http().get('/api/v1/search/jobs?text=hull').expect(200);
    const hit = found.body.items.find((candidate: { id: string }) => candidate.id === id);
    expect(hit.summary.length).toBeLessThanOrEqual(281);
    expect(hit.summary.endsWith('…')).toBe(true);
    expect(long.startsWith(hit.summary.slice(0, -1))).toBe(true);
    expect(hit.link).toBe(`/api/v1/jobs/${id}`);
    await http().get(hit.link).expect(200);
  });
});

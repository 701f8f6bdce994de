import { APP_CONFIG, type AppConfig } from '@app/config';
import { ReferenceDataSeeder } from '@app/reference-data';
import { MEILI_CLIENT, SearchIndexes, SearchIndexWriter } from '@app/search';
import { ShortageSeeder } from '@app/shortage-occupations';
import { VACANCIES_INDEX, VacancyIndexer, VacancyPublication, type VacancyDocument } from '@app/vacancies';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Meilisearch } from 'meilisearch';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { AccountFactory, type SignedInAccount } from './factories/account.factory';
import { EmployerFactory, type RegisteredEmployer } from './factories/employer.factory';
import {
  FASHION_DESIGNER,
  insertTaxonomyFixture,
  UNKNOWN_SKILL,
  WELDER,
  WELDING_SKILL,
} from './factories/taxonomy.fixture';
import { closeApp, createApiApp } from './utils/api-app';
import { auditActionsOf } from './utils/audit';
import { truncateAll } from './utils/database';
import { clearRateLimits } from './utils/rate-limits';
import { waitFor } from './utils/wait-for';

function vacancyBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'MIG/MAG welder for ship repair',
    description: 'Welding of steel hull sections in a ship repair yard, day shifts.',
    occupationUri: WELDER,
    placeOfWork: { city: 'Rotterdam', region: 'Zuid-Holland' },
    contact: { name: 'Ana Lopes', email: 'jobs@werf.example.nl' },
    pay: { min: 2800, max: 3400, currency: 'eur', period: 'month' },
    contractType: 'permanent',
    hoursPerWeek: 40,
    numberOfPosts: 3,
    skills: [{ uri: WELDING_SKILL, requirement: 'essential' }],
    languages: [
      { code: 'en', minCefr: 'B1', requirement: 'required' },
      { code: 'nl', minCefr: 'A2', requirement: 'preferred' },
    ],
    minEqfLevel: 3,
    minExperienceYears: 2,
    ...overrides,
  };
}

describe('vacancies', () => {
  let sut: NestExpressApplication;
  let worker: TestingModule;
  let dataSource: DataSource;
  let admin: SignedInAccount;
  let ncpNl: SignedInAccount;
  let employers: EmployerFactory;
  let verified: RegisteredEmployer;
  let meili: Meilisearch;
  let indexUid: string;
  const http = () => request(sut.getHttpServer());
  const as = (account: SignedInAccount) => ({ type: 'bearer' as const, token: account.accessToken });

  async function draft(
    employer: RegisteredEmployer,
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const response = await http()
      .post('/api/v1/vacancies')
      .auth(as(employer.user).token, as(employer.user))
      .send(vacancyBody(overrides))
      .expect(201);
    return response.body.id;
  }

  const publish = (employer: RegisteredEmployer, id: string) =>
    http().post(`/api/v1/vacancies/${id}/publish`).auth(employer.user.accessToken, { type: 'bearer' });

  async function indexedIds(): Promise<string[]> {
    const { results } = await meili
      .index<VacancyDocument>(indexUid)
      .getDocuments({ limit: 1000, fields: ['id'] });
    return results.map((document) => document.id);
  }

  const untilIndexed = (what: string, condition: (ids: string[]) => boolean) =>
    waitFor(async () => condition(await indexedIds()), { what });

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    await sut.get(ReferenceDataSeeder).seed();
    await sut.get(ShortageSeeder).seed();
    await insertTaxonomyFixture(dataSource);
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
    meili = worker.get(MEILI_CLIENT);
    indexUid = worker.get(SearchIndexes).uid(VACANCIES_INDEX);
    const accounts = new AccountFactory(sut);
    admin = await accounts.admin();
    ncpNl = await accounts.ncp(admin, 'NL');
    employers = new EmployerFactory(sut, accounts);
    verified = await employers.verified(ncpNl);
  });

  afterAll(async () => {
    await worker?.close();
    await closeApp(sut);
  });

  it('refuses publication by an employer its NCP has not verified', async () => {
    const pending = await employers.registered();
    const id = await draft(pending);
    const refused = await publish(pending, id).expect(403);
    expect(refused.body.error.code).toBe('EMPLOYER_NOT_VERIFIED');
  });

  it('validates the vacancy: unknown ESCO concepts, place of work outside the employer’s state, bounds', async () => {
    const auth = verified.user.accessToken;
    const unknown = await http()
      .post('/api/v1/vacancies')
      .auth(auth, { type: 'bearer' })
      .send(vacancyBody({ skills: [{ uri: UNKNOWN_SKILL, requirement: 'optional' }] }))
      .expect(400);
    expect(unknown.body.error).toMatchObject({
      code: 'UNKNOWN_ESCO_CONCEPT',
      details: [{ field: 'skills[0].uri', uri: UNKNOWN_SKILL }],
    });
    const elsewhere = await http()
      .post('/api/v1/vacancies')
      .auth(auth, { type: 'bearer' })
      .send(vacancyBody({ placeOfWork: { memberState: 'DE', city: 'Hamburg' } }))
      .expect(400);
    expect(elsewhere.body.error.details[0].field).toBe('placeOfWork.memberState');
    const tooMany = Array.from({ length: 61 }, () => ({ uri: WELDING_SKILL, requirement: 'optional' }));
    await http()
      .post('/api/v1/vacancies')
      .auth(auth, { type: 'bearer' })
      .send(vacancyBody({ skills: tooMany }))
      .expect(400);
    await http()
      .post('/api/v1/vacancies')
      .auth(auth, { type: 'bearer' })
      .send(vacancyBody({ contact: undefined }))
      .expect(400);
  });

  it('publishes a shortage occupation and indexes it with what job search needs', async () => {
    const id = await draft(verified);
    const published = await publish(verified, id).expect(200);
    expect(published.body).toMatchObject({ status: 'published', placeOfWork: { memberState: 'NL' } });
    const months =
      (new Date(published.body.expiresAt).getTime() - new Date(published.body.publishedAt).getTime()) /
      (30.44 * 24 * 3600 * 1000);
    expect(Math.round(months)).toBe(6);
    await untilIndexed('the published vacancy in the index', (ids) => ids.includes(id));
    const document = await meili.index<VacancyDocument>(indexUid).getDocument(id);
    expect(document).toMatchObject({
      employerId: verified.organisationId,
      occupationUri: WELDER,
      iscoCode: '7212',
      iscoGroups: ['7', '72', '721', '7212'],
      occupationLabel_fr: 'soudeur/soudeuse',
      sector: 'manufacturing',
      inShortage: true,
      memberState: 'NL',
      city: 'Rotterdam',
      requiredLanguageCodes: ['en'],
      essentialSkillUris: [WELDING_SKILL],
      payCurrency: 'EUR',
      contractType: 'permanent',
    });
    expect(document).not.toHaveProperty('contact');
    expect(await auditActionsOf(dataSource, 'vacancy', id)).toEqual(['vacancy.published']);
    const again = await publish(verified, id).expect(409);
    expect(again.body.error.code).toBe('INVALID_VACANCY_TRANSITION');
  });

  it('refuses an occupation outside the shortage list, and accepts it with a competitiveness justification', async () => {
    const id = await draft(verified, { occupationUri: FASHION_DESIGNER, skills: [] });
    const refused = await publish(verified, id).expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'OCCUPATION_NOT_IN_SHORTAGE',
      details: [{ field: 'occupationUri', memberState: 'NL' }],
    });
    const unjustified = await http()
      .put(`/api/v1/vacancies/${id}`)
      .auth(verified.user.accessToken, { type: 'bearer' })
      .send(vacancyBody({ occupationUri: FASHION_DESIGNER, skills: [], contributesToCompetitiveness: true }))
      .expect(400);
    expect(unjustified.body.error.details[0].field).toBe('competitivenessJustification');
    await http()
      .put(`/api/v1/vacancies/${id}`)
      .auth(verified.user.accessToken, { type: 'bearer' })
      .send(
        vacancyBody({
          occupationUri: FASHION_DESIGNER,
          skills: [],
          contributesToCompetitiveness: true,
          competitivenessJustification: 'Technical textile design for the EU defence and space supply chain.',
        }),
      )
      .expect(200);
    await publish(verified, id).expect(200);
    const [details] = await dataSource.query(
      `SELECT details FROM audit_events WHERE target_id = $1 AND action = 'vacancy.published'`,
      [id],
    );
    expect(details.details).toMatchObject({ basis: 'eu_competitiveness', shortageEntryId: null });
    await untilIndexed('the justified vacancy in the index', (ids) => ids.includes(id));
  });

  it('removes every vacancy of a suspended employer from search at once, and restores them on reinstatement', async () => {
    const employer = await employers.verified(ncpNl);
    const first = await draft(employer);
    const second = await draft(employer, { title: 'Welder, night shift' });
    await publish(employer, first).expect(200);
    await publish(employer, second).expect(200);
    await untilIndexed('both vacancies in the index', (ids) => ids.includes(first) && ids.includes(second));

    await employers.setStatus(ncpNl, employer.organisationId, 'suspended', 'Under investigation').expect(200);
    await untilIndexed(
      'the suspended employer’s vacancies to leave the index',
      (ids) => !ids.includes(first) && !ids.includes(second),
    );
    const refused = await publish(employer, await draft(employer)).expect(403);
    expect(refused.body.error.code).toBe('EMPLOYER_NOT_VERIFIED');

    await employers.setStatus(ncpNl, employer.organisationId, 'verified', 'Investigation closed').expect(200);
    await untilIndexed(
      'the reinstated employer’s vacancies back in the index',
      (ids) => ids.includes(first) && ids.includes(second),
    );
  });

  it('closes and expires vacancies out of search, with audit entries', async () => {
    const closing = await draft(verified);
    const expiring = await draft(verified);
    await publish(verified, closing).expect(200);
    await publish(verified, expiring).expect(200);
    await untilIndexed('both in the index', (ids) => ids.includes(closing) && ids.includes(expiring));
    await http()
      .post(`/api/v1/vacancies/${closing}/close`)
      .auth(verified.user.accessToken, { type: 'bearer' })
      .expect(200);
    await dataSource.query(`UPDATE vacancies SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      expiring,
    ]);
    expect(await worker.get(VacancyPublication).expireDue()).toBe(1);
    await untilIndexed(
      'closed and expired vacancies out of the index',
      (ids) => !ids.includes(closing) && !ids.includes(expiring),
    );
    const owned = await http()
      .get('/api/v1/vacancies?limit=100')
      .auth(verified.user.accessToken, { type: 'bearer' })
      .expect(200);
    const statusOf = (id: string) =>
      owned.body.items.find((vacancy: { id: string }) => vacancy.id === id)?.status;
    expect([statusOf(closing), statusOf(expiring)]).toEqual(['closed', 'expired']);
    expect(await auditActionsOf(dataSource, 'vacancy', closing)).toEqual([
      'vacancy.published',
      'vacancy.closed',
    ]);
    expect(await auditActionsOf(dataSource, 'vacancy', expiring)).toEqual([
      'vacancy.published',
      'vacancy.expired',
    ]);
  });

  it('keeps other organisations and other states’ NCPs away from a vacancy', async () => {
    const id = await draft(verified);
    const other = await employers.verified(ncpNl);
    await http().get(`/api/v1/vacancies/${id}`).auth(other.user.accessToken, { type: 'bearer' }).expect(403);
    await publish(other, id).expect(403);
    await http().get(`/api/v1/vacancies/${id}`).auth(ncpNl.accessToken, { type: 'bearer' }).expect(200);
  });

  it('keeps a vacancy published while the index is rebuilt: written into the new index, present after the swap', async () => {
    const before = await draft(verified);
    await publish(verified, before).expect(200);
    await untilIndexed('the first vacancy in the index', (ids) => ids.includes(before));
    const writer = worker.get(SearchIndexWriter);
    const swap = writer.swap.bind(writer);
    let during = '';
    // The pages are read and the new index is full: publish now, then let the swap happen.
    const spy = jest.spyOn(writer, 'swap').mockImplementation(async (live, build) => {
      during = await draft(verified, { title: 'Welder published during a rebuild' });
      await publish(verified, during).expect(200);
      await waitFor(
        async () => {
          const { results } = await meili.index<VacancyDocument>(build).getDocuments({ fields: ['id'] });
          return results.some((document) => document.id === during);
        },
        { what: 'the vacancy mirrored into the index being built' },
      );
      await swap(live, build);
    });
    try {
      const rebuilt = await worker.get(VacancyIndexer).rebuild();
      expect(rebuilt.indexed).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
    }
    const ids = await indexedIds();
    expect(ids).toEqual(expect.arrayContaining([before, during]));
    const { results } = await meili.getIndexes({ limit: 1000 });
    expect(results.filter((index) => index.uid.startsWith(`${indexUid}__build_`))).toEqual([]);
  });

  it('edits a published vacancy: the shortage rule is checked again, the change re-indexed and every version kept', async () => {
    const id = await draft(verified);
    await publish(verified, id).expect(200);
    const edit = (overrides: Record<string, unknown>) =>
      http()
        .put(`/api/v1/vacancies/${id}`)
        .auth(verified.user.accessToken, { type: 'bearer' })
        .send(vacancyBody(overrides));

    const retitled = await edit({ title: 'MIG/MAG welder, night shifts' }).expect(200);
    expect(retitled.body).toMatchObject({ status: 'published', title: 'MIG/MAG welder, night shifts' });
    await waitFor(
      async () =>
        (await meili.index<VacancyDocument>(indexUid).getDocument(id)).title ===
        'MIG/MAG welder, night shifts',
      { what: 'the edited title in the index' },
    );

    const refused = await edit({ occupationUri: FASHION_DESIGNER, skills: [] }).expect(422);
    const refusedAtPublication = await publish(
      verified,
      await draft(verified, { occupationUri: FASHION_DESIGNER, skills: [] }),
    ).expect(422);
    expect(refused.body.error.code).toBe('OCCUPATION_NOT_IN_SHORTAGE');
    expect(refused.body.error.code).toBe(refusedAtPublication.body.error.code);
    expect(refused.body.error.details).toEqual(refusedAtPublication.body.error.details);
    const unchanged = await http()
      .get(`/api/v1/vacancies/${id}`)
      .auth(verified.user.accessToken, { type: 'bearer' })
      .expect(200);
    expect(unchanged.body.occupationUri).toBe(WELDER);

    await edit({ title: 'MIG/MAG welder, night shifts', skills: [] }).expect(200);
    const versions = await http()
      .get(`/api/v1/vacancies/${id}/versions?limit=2`)
      .auth(verified.user.accessToken, { type: 'bearer' })
      .expect(200);
    expect(versions.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(versions.body.items).toEqual([
      expect.objectContaining({ version: 3, changedFields: ['skills'], substantive: true }),
      expect.objectContaining({
        version: 2,
        changedFields: ['title'],
        substantive: false,
        changedBy: verified.user.id,
        vacancy: expect.objectContaining({ title: 'MIG/MAG welder, night shifts' }),
      }),
    ]);
    const original = await http()
      .get(`/api/v1/vacancies/${id}/versions?offset=2`)
      .auth(ncpNl.accessToken, { type: 'bearer' })
      .expect(200);
    expect(original.body.items[0]).toMatchObject({
      version: 1,
      changedFields: [],
      vacancy: { title: 'MIG/MAG welder for ship repair', skills: [{ uri: WELDING_SKILL }] },
    });
    expect(await auditActionsOf(dataSource, 'vacancy', id)).toEqual([
      'vacancy.published',
      'vacancy.edited',
      'vacancy.edited',
    ]);
    const other = await employers.verified(ncpNl);
    expect([403, 404]).toContain(
      (await http().get(`/api/v1/vacancies/${id}/versions`).auth(other.user.accessToken, { type: 'bearer' }))
        .status,
    );

    await http()
      .post(`/api/v1/vacancies/${id}/close`)
      .auth(verified.user.accessToken, { type: 'bearer' })
      .expect(200);
    const closed = await edit({}).expect(409);
    expect(closed.body.error.code).toBe('VACANCY_NOT_EDITABLE');
  });

  it('re-indexes only the vacancies a shortage-list change names, without a full rebuild', async () => {
    const welder = await draft(verified);
    await publish(verified, welder).expect(200);
    const designer = await draft(verified, {
      occupationUri: FASHION_DESIGNER,
      skills: [],
      contributesToCompetitiveness: true,
      competitivenessJustification: 'Design work for an export-oriented textile manufacturer.',
    });
    await publish(verified, designer).expect(200);
    await untilIndexed('both vacancies', (ids) => ids.includes(welder) && ids.includes(designer));
    const vacancies = worker.get<Queue>(getQueueToken('vacancies'));
    expect((await meili.index<VacancyDocument>(indexUid).getDocument(designer)).inShortage).toBe(false);

    // The run's queues are shared by every spec: only jobs recorded after this change are its own.
    const since = Date.now();
    await http()
      .post('/api/v1/shortage-occupations/entries')
      .auth(admin.accessToken, { type: 'bearer' })
      .send({
        layer: 'eu',
        effect: 'addition',
        occupationUri: FASHION_DESIGNER,
        sectorCode: 'manufacturing',
        validFrom: '2024-01-01',
        reason: 'Reported in shortage across the Union',
      })
      .expect(201);
    await waitFor(
      async () => (await meili.index<VacancyDocument>(indexUid).getDocument(designer)).inShortage,
      { what: 'the designer vacancy re-indexed as in shortage' },
    );
    const shortageJobs = async () =>
      (await vacancies.getCompleted()).filter(
        (job) =>
          job.timestamp >= since &&
          (job.name === 'vacancies.sync-occupations' || job.name === 'vacancies.reindex'),
      );
    await waitFor(async () => (await shortageJobs()).length > 0, { what: 'the shortage job finished' });
    const jobs = await shortageJobs();
    // The job reads only the vacancies of the named occupation: each is indexed or removed.
    const [{ designers, total }] = await dataSource.query<{ designers: number; total: number }[]>(
      `SELECT count(*) FILTER (WHERE occupation_uri = $1)::int AS designers, count(*)::int AS total
         FROM vacancies`,
      [FASHION_DESIGNER],
    );
    expect(designers).toBeLessThan(total);
    expect(jobs.map((job) => job.name)).toEqual(['vacancies.sync-occupations']);
    const report = jobs[0].returnvalue as { indexed: number; removed: number };
    expect(report.indexed).toBeGreaterThanOrEqual(1);
    expect(report.indexed + report.removed).toBe(designers);
  });
});

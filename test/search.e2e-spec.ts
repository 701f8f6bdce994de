import { CandidateIndexRequests } from '@app/candidates';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { ShortageSeeder } from '@app/shortage-occupations';
import { VacancyIndexer } from '@app/vacancies';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { insertEmployers, insertVacancies, type SyntheticVacancy } from '../bench/synthetic/generate';
import { AccountFactory, type SignedInAccount } from './factories/account.factory';
import {
  CandidateFactory,
  ESCO,
  seedCandidateFixtures,
  type RegisteredCandidate,
} from './factories/candidate.factory';
import { EmployerFactory, type RegisteredEmployer } from './factories/employer.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { truncateAll } from './utils/database';
import { drainQueues } from './utils/drain';
import { clearRateLimits } from './utils/rate-limits';
import { emptySearchIndexes } from './utils/search-indexes';

const HIT_KEYS = [
  'availableFrom',
  'languages',
  'matchedSkills',
  'maxEqfLevel',
  'occupations',
  'preferredMemberStates',
  'programme',
  'referenceCode',
  'residenceCountry',
  'sectors',
  'skillCount',
  'topSkills',
  'updatedAt',
  'yearsOfExperience',
];
const IDENTITY_KEYS = [
  'givenName',
  'familyName',
  'email',
  'phone',
  'dateOfBirth',
  'citizenships',
  'accountId',
  'id',
];

function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, child]) => [key, ...keysDeep(child)]);
  return [];
}

describe('search', () => {
  let sut: NestExpressApplication;
  let worker: TestingModule;
  let dataSource: DataSource;
  let employer: RegisteredEmployer;
  let unverified: RegisteredEmployer;
  let admin: SignedInAccount;
  let welder: RegisteredCandidate;
  let nurse: RegisteredCandidate;
  const hidden: Record<string, RegisteredCandidate> = {};
  const http = () => request(sut.getHttpServer());
  // Indexing waits on the engine, which a busy machine slows down a lot.
  const drain = () => drainQueues(sut, ['candidates'], { timeoutMs: 120_000 });
  const mine = () => new Set([welder, nurse, ...Object.values(hidden)].map((c) => c.referenceCode));

  const talent = (body: Record<string, unknown>, as: RegisteredEmployer = employer) =>
    http().post('/api/v1/search/talent').auth(as.user.accessToken, { type: 'bearer' }).send(body);

  async function found(body: Record<string, unknown>): Promise<string[]> {
    const response = await talent({ limit: 100, ...body }).expect(200);
    return (response.body.items as { referenceCode: string }[])
      .map((hit) => hit.referenceCode)
      .filter((code) => mine().has(code))
      .sort();
  }

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    await seedCandidateFixtures(sut);
    await sut.get(ShortageSeeder).seed();
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
    await emptySearchIndexes(sut);

    const accounts = new AccountFactory(sut);
    admin = await accounts.admin();
    const ncp = await accounts.ncp(admin, 'NL');
    const employers = new EmployerFactory(sut, accounts);
    employer = await employers.verified(ncp);
    unverified = await employers.registered();

    const candidates = new CandidateFactory(sut);
    const profile = (candidate: RegisteredCandidate, changes: Record<string, unknown>) =>
      http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send(changes)
        .expect(200);
    welder = await candidates.active();
    nurse = await candidates.active({ residenceCountry: 'TN', citizenships: ['TN'], phone: undefined });
    await profile(nurse, {
      occupations: [{ uri: ESCO.nurse, yearsOfExperience: 2 }],
      skills: [{ uri: ESCO.patientCare, level: 'expert' }],
      languages: [
        { code: 'de', cefr: 'B1' },
        { code: 'en', cefr: 'C1' },
      ],
      education: [{ eqfLevel: 6, field: 'Nursing', countryCode: 'TN', completionYear: 2019 }],
      workExperience: [],
      preferredMemberStates: ['ES'],
      earliestStartDate: null,
      programme: null,
    });
    hidden.paused = await candidates.active({ phone: undefined });
    await profile(hidden.paused, { availability: 'paused' });
    hidden.expired = await candidates.active({ phone: undefined });
    hidden.suspended = await candidates.active({
      residenceCountry: 'BD',
      citizenships: ['BD'],
      phone: undefined,
    });
    await drain();
    await dataSource.transaction(async (manager) => {
      // Past its validity but not yet expired by the lifecycle job: only the search filter hides it.
      await manager.query(`UPDATE candidates SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        hidden.expired.candidateId,
      ]);
      await sut.get(CandidateIndexRequests).candidateChanged(manager, {
        id: hidden.expired.candidateId,
        referenceCode: hidden.expired.referenceCode,
      });
      await manager.query(
        `INSERT INTO partner_country_statuses (country_code, status, effective_from, reason)
         VALUES ('BD', 'suspended', current_date, 'Suspended for the search test')`,
      );
      await sut.get(CandidateIndexRequests).countryChanged(manager, 'BD');
    });
    await drain();
    // Several rounds of indexing: generous on a busy machine.
  }, 300_000);

  afterAll(async () => {
    await dataSource?.query(`DELETE FROM partner_country_statuses WHERE country_code = 'BD'`);
    await worker?.close();
    await closeApp(sut);
  });

  it('is for verified employers only', async () => {
    const refused = await talent({}, unverified).expect(403);
    expect(refused.body.error.code).toBe('EMPLOYER_NOT_VERIFIED');
    await http()
      .post('/api/v1/search/talent')
      .auth(welder.accessToken, { type: 'bearer' })
      .send({})
      .expect(403);
    await http().post('/api/v1/search/talent').send({}).expect(401);
  });

  it('confirms the session beside the search: a signed-out session gets 401 (before any 400), no result and no audit event', async () => {
    const login = await http()
      .post('/api/v1/auth/login')
      .send({ email: employer.user.email, password: employer.user.password })
      .expect(200);
    const session = login.body as { accessToken: string; refreshToken: string };
    const search = (body: Record<string, unknown>) =>
      http().post('/api/v1/search/talent').auth(session.accessToken, { type: 'bearer' }).send(body);
    const searches = async () =>
      Number(
        (
          await dataSource.query(
            `SELECT count(*) AS n FROM audit_events WHERE action = 'search.talent' AND target_id = $1`,
            [employer.organisationId],
          )
        )[0].n,
      );

    const answered = await search({ text: 'welder' }).expect(200);
    expect(answered.headers['server-timing']).toMatch(/^engine;dur=\d+$/);
    await http().post('/api/v1/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    const before = await searches();

    const refused = await search({ text: 'welder' }).expect(401);
    expect(refused.body.error.code).toBe('INVALID_ACCESS_TOKEN');
    expect(refused.body).not.toHaveProperty('items');
    const profile = await http()
      .get(`/api/v1/search/talent/profiles/${welder.referenceCode}`)
      .auth(session.accessToken, { type: 'bearer' })
      .expect(401);
    expect(JSON.stringify(profile.body)).not.toContain('occupations');
    // Bad input is refused before the handler runs; the closed session still answers first.
    const malformed = await search({ limit: 'all' }).expect(401);
    expect(malformed.body.error.code).toBe('INVALID_ACCESS_TOKEN');
    await talent({ limit: 'all' }).expect(400);
    await talent({ offset: -1 }).expect(400);
    expect(await searches()).toBe(before);
    await talent({}).expect(200);
  });

  it('refuses an employer whose organisation is suspended after signing in, from the next request on', async () => {
    const setStatus = (status: string) =>
      dataSource.query('UPDATE employer_organisations SET status = $2 WHERE id = $1', [
        employer.organisationId,
        status,
      ]);
    await setStatus('suspended');
    try {
      const refused = await talent({}).expect(403);
      expect(refused.body.error.code).toBe('EMPLOYER_NOT_VERIFIED');
    } finally {
      await setStatus('verified');
    }
    await talent({}).expect(200);
  });

  it('never shows a paused, expired or suspended-country profile', async () => {
    expect(await found({})).toEqual([welder.referenceCode, nurse.referenceCode].sort());
    expect(await found({ text: 'welder' })).toEqual([welder.referenceCode]);
  });

  it.each([
    ['occupation', { occupations: [ESCO.nurse] }, 'nurse'],
    ['ISCO group', { iscoGroups: ['72'] }, 'welder'],
    ['all of skills', { skillsAll: [ESCO.weldMetal, ESCO.readBlueprints] }, 'welder'],
    ['any of skills', { skillsAny: [ESCO.patientCare, ESCO.unknownSkill] }, 'nurse'],
    ['language level', { languages: [{ code: 'fr', minCefr: 'B2' }] }, 'welder'],
    ['minimum EQF', { minEqfLevel: 5 }, 'nurse'],
    ['minimum experience', { minYearsOfExperience: 5 }, 'welder'],
    ['residence', { residenceCountries: ['TN'] }, 'nurse'],
    ['programme', { programme: ['talent_partnership'] }, 'welder'],
    ['preferred Member State', { preferredMemberStates: ['ES'] }, 'nurse'],
    ['available by', { availableBy: '2026-06-01' }, 'nurse'],
  ])('narrows by %s', async (_, filter, who) => {
    expect(await found(filter)).toEqual([(who === 'nurse' ? nurse : welder).referenceCode]);
  });

  it('keeps a language below the minimum level out', async () => {
    expect(await found({ languages: [{ code: 'de', minCefr: 'B2' }] })).toEqual([]);
    expect(await found({ skillsAll: [ESCO.weldMetal, ESCO.patientCare] })).toEqual([]);
  });

  it('finds by French labels and with a typo, and highlights the matched skills', async () => {
    expect(await found({ text: 'soudeur' })).toEqual([welder.referenceCode]);
    expect(await found({ text: 'welder', languages: [{ code: 'ar', minCefr: 'C1' }] })).toEqual([
      welder.referenceCode,
    ]);
    expect(await found({ text: 'weldr' })).toEqual([welder.referenceCode]);
    const response = await talent({ text: 'blueprints' }).expect(200);
    const hit = response.body.items.find(
      (h: { referenceCode: string }) => h.referenceCode === welder.referenceCode,
    );
    expect(hit.matchedSkills).toEqual([
      expect.objectContaining({
        uri: ESCO.readBlueprints,
        language: 'en',
        highlights: [{ start: 14, length: 10 }],
      }),
    ]);
  });

  it('answers pseudonymised hits only, with exact totals and facet counts', async () => {
    const response = await talent({
      limit: 1,
      offset: 1,
      facets: ['residenceCountry', 'skillUris'],
    }).expect(200);
    expect(Object.keys(response.body).sort()).toEqual(
      ['facetStats', 'facets', 'items', 'limit', 'offset', 'total'].sort(),
    );
    expect(response.body).toMatchObject({ limit: 1, offset: 1, total: 2 });
    expect(response.body.items).toHaveLength(1);
    expect(response.body.facets.residenceCountry).toEqual({ MA: 1, TN: 1 });
    expect(response.body.facets.skillUris[ESCO.patientCare]).toBe(1);
    const all = await talent({ limit: 100 }).expect(200);
    // A window that is not a whole engine page: the same hits, in the same order, and the exact total.
    const window = await talent({ limit: 2, offset: 1 }).expect(200);
    expect(window.body).toMatchObject({ total: 2, limit: 2, offset: 1, items: all.body.items.slice(1, 3) });
    for (const hit of all.body.items) expect(Object.keys(hit).sort()).toEqual(HIT_KEYS);
    expect(keysDeep(all.body).filter((key) => IDENTITY_KEYS.includes(key))).toEqual([]);
    expect(JSON.stringify(all.body)).not.toMatch(/Amina|El Idrissi|@example\.org|\+212/);
  });

  describe('profile view', () => {
    const profile = (code: string, as: RegisteredEmployer = employer, query = '') =>
      http()
        .get(`/api/v1/search/talent/profiles/${code}${query}`)
        .auth(as.user.accessToken, { type: 'bearer' });

    it('shows the whole pseudonymised profile behind a card, and audits the view', async () => {
      const card = (await talent({ text: 'welder' }).expect(200)).body.items.find(
        (hit: { referenceCode: string }) => hit.referenceCode === welder.referenceCode,
      );
      const response = await profile(welder.referenceCode.toLowerCase(), employer, '?lang=fr').expect(200);
      expect(response.body.referenceCode).toBe(welder.referenceCode);
      expect(response.body.skills).toHaveLength(card.skillCount);
      expect(response.body.skills.map((skill: { uri: string }) => skill.uri)).toEqual(
        expect.arrayContaining([ESCO.weldMetal, ESCO.readBlueprints]),
      );
      expect(response.body.occupations[0].label).toBe('soudeur/soudeuse');
      expect(Object.keys(response.body).sort()).toEqual(
        [
          ...HIT_KEYS.filter((key) => !['matchedSkills', 'skillCount', 'topSkills'].includes(key)),
          'skills',
        ].sort(),
      );
      expect(keysDeep(response.body).filter((key) => IDENTITY_KEYS.includes(key))).toEqual([]);
      const [event]: { target_id: string; details: Record<string, unknown> }[] = await dataSource.query(
        `SELECT target_id, details FROM audit_events WHERE action = 'search.talent_profile_viewed'
          ORDER BY id DESC LIMIT 1`,
      );
      expect(event).toEqual({
        target_id: employer.organisationId,
        details: { referenceCode: welder.referenceCode },
      });
    });

    it('is for verified employers only', async () => {
      const refused = await profile(welder.referenceCode, unverified).expect(403);
      expect(refused.body.error.code).toBe('EMPLOYER_NOT_VERIFIED');
      await http()
        .get(`/api/v1/search/talent/profiles/${welder.referenceCode}`)
        .auth(welder.accessToken, { type: 'bearer' })
        .expect(403);
    });

    it('knows only searchable profiles, and checks the code', async () => {
      for (const candidate of Object.values(hidden)) {
        const response = await profile(candidate.referenceCode).expect(404);
        expect(response.body.error.code).toBe('TALENT_PROFILE_NOT_FOUND');
      }
      await profile('TP-2222-2222').expect(404);
      // Nothing was shown, so no view is on record.
      const views: { details: { referenceCode: string } }[] = await dataSource.query(
        `SELECT details FROM audit_events WHERE action = 'search.talent_profile_viewed'`,
      );
      const viewed = views.map((view) => view.details.referenceCode);
      expect(viewed).not.toContain('TP-2222-2222');
      for (const candidate of Object.values(hidden)) expect(viewed).not.toContain(candidate.referenceCode);
      const invalid = await profile('not-a-code').expect(400);
      expect(invalid.body.error.details).toEqual([expect.objectContaining({ field: 'referenceCode' })]);
      await profile(welder.referenceCode, employer, '?lang=de').expect(400);
    });
  });

  it('records who searched for what, without any candidate', async () => {
    await talent({ text: 'soudeur', residenceCountries: ['MA'] }).expect(200);
    const [event]: { actor_role: string; target_id: string; details: Record<string, unknown> }[] =
      await dataSource.query(
        `SELECT actor_role, target_id, details FROM audit_events WHERE action = 'search.talent'
          ORDER BY id DESC LIMIT 1`,
      );
    expect(event).toMatchObject({
      actor_role: 'employer',
      target_id: employer.organisationId,
      details: { criteria: { text: 'soudeur', residenceCountries: ['MA'], limit: 20, offset: 0 } },
    });
    expect(JSON.stringify(event)).not.toContain(welder.referenceCode);
  });

  it('publishes candidate statistics with small counts withheld, and in full to administrators', async () => {
    const open = await http().get('/api/v1/statistics/candidates?groupBy=occupation').expect(200);
    expect(open.body).toMatchObject({ view: 'public', suppressedBelow: 10, roundedTo: 10, count: null });
    // Groups this small are left out entirely: not even their keys show that they exist.
    expect(open.body.byResidenceCountry).toEqual({});
    expect(open.body.byLanguageLevel).toEqual({});
    expect(open.body.byAvailability).toEqual({});
    expect(open.body.groups).toEqual([]);
    await http().get('/api/v1/admin/statistics/candidates').expect(401);
    const full = await http()
      .get('/api/v1/admin/statistics/candidates?groupBy=occupation')
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(200);
    expect(full.body).toMatchObject({ view: 'admin', suppressedBelow: null, roundedTo: null, count: 2 });
    expect(full.body.byLanguageLevel).toMatchObject({ 'fr:B2': 1, 'de:B1': 1 });
    const nurses = full.body.groups.find((g: { key: string }) => g.key === ESCO.nurse);
    expect(nurses).toMatchObject({
      count: 1,
      byResidenceCountry: { TN: 1 },
      byAvailability: { now: 0, within3Months: 0, later: 0, unspecified: 1 },
    });
    // The statistics and a search with the same criteria agree.
    expect((await talent({ occupations: [ESCO.nurse] }).expect(200)).body.total).toBe(nurses.count);
  });

  describe('job search', () => {
    beforeAll(async () => {
      const organisationId = '5a1e0000-0000-4000-8000-000000000001';
      await insertEmployers(dataSource, [
        { id: organisationId, name: 'Werf Search BV', memberState: 'NL', registrationNumber: 'SEARCH-1' },
      ]);
      const now = Date.now();
      const vacancy = (id: string, overrides: Partial<SyntheticVacancy>): SyntheticVacancy => ({
        id,
        organisationId,
        title: 'Welder for ship repair',
        description: 'Hull sections, day shifts.',
        occupationUri: ESCO.welder,
        memberState: 'NL',
        city: 'Rotterdam',
        contractType: 'permanent',
        hoursPerWeek: 40,
        numberOfPosts: 1,
        pay: { min: 2800, max: 3400, currency: 'EUR', period: 'month' },
        skills: [{ uri: ESCO.weldMetal, requirement: 'essential' }],
        languages: [{ code: 'en', minCefr: 'B1', requirement: 'required' }],
        minEqfLevel: null,
        minExperienceYears: null,
        contributesToCompetitiveness: false,
        publishedAt: new Date(now - 86_400_000),
        expiresAt: new Date(now + 90 * 86_400_000),
        ...overrides,
      });
      await insertVacancies(dataSource, [
        vacancy('5a1e0000-0000-4000-8000-0000000000a1', {}),
        vacancy('5a1e0000-0000-4000-8000-0000000000a2', {
          title: 'Night-shift nurse',
          occupationUri: ESCO.nurse,
          city: 'Utrecht',
          contractType: 'fixed_term',
          pay: null,
          languages: [{ code: 'nl', minCefr: 'B2', requirement: 'required' }],
          contributesToCompetitiveness: true,
        }),
      ]);
      await worker.get(VacancyIndexer).syncEmployer(organisationId);
    });

    const jobs = (query: string) => http().get(`/api/v1/search/jobs${query}`).expect(200);
    const titles = (body: { items: { title: string }[] }) => body.items.map((hit) => hit.title).sort();

    it('is open to anonymous visitors, with facet counts', async () => {
      const all = await jobs('');
      expect(all.body).toMatchObject({ total: 2, limit: 20, offset: 0 });
      expect(all.headers['server-timing']).toMatch(/^engine;dur=\d+$/);
      expect(all.body.facets.city).toEqual({ Rotterdam: 1, Utrecht: 1 });
      expect(all.body.facets.contractType).toEqual({ permanent: 1, fixed_term: 1 });
      expect(Object.keys(all.body.items[0])).not.toEqual(expect.arrayContaining(['contact', 'description']));
    });

    it.each([
      ['?text=weldr', ['Welder for ship repair']],
      [`?occupations=${encodeURIComponent(ESCO.nurse)}`, ['Night-shift nurse']],
      ['?memberStates=NL&cities=Utrecht', ['Night-shift nurse']],
      ['?languages=nl&languagesRequired=true', ['Night-shift nurse']],
      ['?contractTypes=permanent,seasonal', ['Welder for ship repair']],
      ['?minPay=3000&payPeriod=month', ['Welder for ship repair']],
      ['?minPay=5000', []],
      ['?memberStates=DE', []],
    ])('narrows by %s', async (query, expected) => {
      expect(titles((await jobs(query)).body)).toEqual(expected);
    });

    it('publishes vacancy statistics by occupation and Member State', async () => {
      const open = await http().get('/api/v1/statistics/vacancies').expect(200);
      expect(open.body).toMatchObject({ view: 'public', count: null, byMemberState: {}, occupations: [] });
      const full = await http()
        .get('/api/v1/admin/statistics/vacancies?lang=fr')
        .auth(admin.accessToken, { type: 'bearer' })
        .expect(200);
      expect(full.body).toMatchObject({ count: 2, byMemberState: { NL: 2 } });
      expect(full.body.occupations).toEqual(
        expect.arrayContaining([
          {
            occupationUri: ESCO.welder,
            label: 'soudeur/soudeuse',
            labelLanguage: 'fr',
            count: 1,
            byMemberState: { NL: 1 },
          },
        ]),
      );
    });
  });
});

import { APP_CONFIG, type AppConfig } from '@app/config';
import { ShortageSeeder } from '@app/shortage-occupations';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
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
import { ContactSteps } from './utils/contacts';
import { truncateAll } from './utils/database';
import { drainQueues } from './utils/drain';
import { clearRateLimits } from './utils/rate-limits';
import { discoverApiRoutes, type ApiRoute } from './utils/routes';

/** Reads that travel as POST (a search body); every other read is a GET. */
const READS_BY_POST = new Set(['POST /api/v1/search/talent']);

interface Reading {
  caller: string;
  route: string;
  url: string;
  status: number;
  text: string;
}

/**
 * The disclosure rule, proven on the running API: every route an employer can call that reads
 * anything (discovered from the application, as the authorization matrix does) is called by two
 * organisations, for every vacancy in play, at each step of a candidate's consent; the
 * candidate's identity shows only in the consenting organisation's answers about that vacancy.
 */
describe('disclosure of candidate identity across every employer-readable route', () => {
  let sut: NestExpressApplication;
  let worker: TestingModule | undefined;
  let steps: ContactSteps;
  let routes: ApiRoute[];
  let candidate: RegisteredCandidate;
  let employerA: RegisteredEmployer;
  let employerB: RegisteredEmployer;
  let vacancyA: string;
  let otherVacancyA: string;
  let vacancyB: string;
  let markers: string[];
  const http = () => request(sut.getHttpServer());
  const drain = () => drainQueues(sut, ['matching', 'candidates', 'vacancies'], { timeoutMs: 60_000 });

  function url(route: ApiRoute, caller: RegisteredEmployer, vacancyId: string): string {
    return route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
      if (name === 'id' && route.path.startsWith('/api/v1/employers/')) return caller.organisationId;
      if (name === 'id' || name === 'vacancyId') return vacancyId;
      if (name === 'referenceCode') return candidate.referenceCode;
      // An unsubscribe link's token: refused unless signed, and never about a candidate.
      if (name === 'token') return 'not-a-signed-token';
      throw new Error(`${route.method} ${route.path}: no value for :${name}; teach this walk what it means`);
    });
  }

  /** Every employer-readable route, for each vacancy in play when its path names one. */
  async function walk(callers: Record<string, RegisteredEmployer>): Promise<Reading[]> {
    const readings: Reading[] = [];
    for (const [name, caller] of Object.entries(callers)) {
      for (const route of routes) {
        const vacancyIds = /:(id|vacancyId)\b/.test(route.path)
          ? [vacancyA, otherVacancyA, vacancyB]
          : [vacancyA];
        for (const vacancyId of vacancyIds) {
          const target = url(route, caller, vacancyId);
          const pending =
            route.method === 'POST'
              ? http().post(target).send({ text: 'welder' })
              : http().get(`${target}${target.includes('?') ? '&' : '?'}lang=en`);
          const response = await pending.auth(caller.user.accessToken, { type: 'bearer' });
          readings.push({
            caller: name,
            route: `${route.method} ${route.path}`,
            url: target,
            status: response.status,
            text: JSON.stringify(response.body ?? '') + (response.text ?? ''),
          });
        }
      }
    }
    return readings;
  }

  const leaks = (readings: Reading[]) =>
    readings
      .filter((reading) => markers.some((marker) => reading.text.includes(marker)))
      .map((reading) => `${reading.caller} ${reading.url} (${reading.status})`);

  /** Identity in A's answers about `vacancyA` only; nowhere else. */
  function expectDisclosedOnlyTo(readings: Reading[]): void {
    const about = (reading: Reading) => reading.caller === 'A' && reading.url.includes(vacancyA);
    expect(leaks(readings.filter((reading) => !about(reading)))).toEqual([]);
    const disclosed = readings.filter((reading) => about(reading) && reading.status === 200);
    const text = disclosed.map((reading) => reading.text).join('\n');
    for (const marker of markers) expect(text).toContain(marker);
  }

  beforeAll(async () => {
    sut = await createApiApp();
    const dataSource = sut.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    await seedCandidateFixtures(sut);
    await sut.get(ShortageSeeder).seed();
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
    const accounts = new AccountFactory(sut);
    const employers = new EmployerFactory(sut, accounts);
    const vacancies = new VacancyFactory(sut);
    const candidates = new CandidateFactory(sut);
    steps = new ContactSteps(sut);
    const admin: SignedInAccount = await accounts.admin();
    const ncp = await accounts.ncp(admin, 'NL');
    employerA = await employers.verified(ncp);
    employerB = await employers.verified(ncp);
    vacancyA = await vacancies.published(employerA);
    otherVacancyA = await vacancies.published(employerA, { title: 'Pipe welder' });
    vacancyB = await vacancies.published(employerB);
    candidate = await candidates.active({
      givenName: 'Zineb',
      familyName: 'Oukacha',
      phone: '+212 6 98 76 54 32',
    });
    await http()
      .patch('/api/v1/candidates/me')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({
        qualifications: [
          { title: 'Certificat de soudure QX-7781', issuer: 'OFPPT', countryCode: 'MA', year: 2019 },
        ],
        workExperience: [
          {
            occupationUri: ESCO.welder,
            employerName: 'Atelier Zellige 4412',
            countryCode: 'MA',
            startDate: '2017-01-01',
          },
        ],
      })
      .expect(200);
    markers = ['Zineb', 'Oukacha', candidate.email, '+212698765432', 'QX-7781', 'Atelier Zellige 4412'];
    await drain();
    routes = discoverApiRoutes(sut).filter((route) => {
      const rule = route.rule;
      const employerMay =
        rule?.kind === 'public' || (rule?.kind === 'roles' && rule.roles.includes('employer'));
      return employerMay && (route.method === 'GET' || READS_BY_POST.has(`${route.method} ${route.path}`));
    });
  });

  afterAll(async () => {
    await worker?.close();
    await closeApp(sut);
  });

  it('walks the routes that carry candidate data, including search, matches and the pipeline', () => {
    const keys = routes.map((route) => `${route.method} ${route.path}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'POST /api/v1/search/talent',
        'GET /api/v1/search/talent/profiles/:referenceCode',
        'GET /api/v1/vacancies/:id/matches',
        'GET /api/v1/vacancies/:id/pipeline',
        'GET /api/v1/vacancies/:id/pipeline/:referenceCode',
        'GET /api/v1/vacancies/:id/pipeline/:referenceCode/messages',
      ]),
    );
  });

  it('shows identity to no organisation before consent, though both reach the pseudonymised profile', async () => {
    await steps.request(employerA, vacancyA, candidate.referenceCode).expect(201);
    await steps.request(employerA, otherVacancyA, candidate.referenceCode).expect(201);
    await steps.request(employerB, vacancyB, candidate.referenceCode).expect(201);
    const readings = await walk({ A: employerA, B: employerB });
    expect(leaks(readings)).toEqual([]);
    for (const caller of ['A', 'B'])
      expect(
        readings.some(
          (reading) => reading.caller === caller && reading.text.includes(candidate.referenceCode),
        ),
      ).toBe(true);
  });

  it('shows identity to the accepting organisation for that vacancy only, and hides it again after withdrawal', async () => {
    const pending = (await steps.ownContacts(candidate, '?consent=pending').expect(200)).body.items as {
      contactId: string;
      vacancy: { id: string };
    }[];
    const forA = pending.find((contact) => contact.vacancy.id === vacancyA)!;
    await steps
      .answer(candidate, forA.contactId, 'accept', { shareQualifications: true, shareWorkExperience: true })
      .expect(200);
    expectDisclosedOnlyTo(await walk({ A: employerA, B: employerB }));

    await steps.answer(candidate, forA.contactId, 'withdraw').expect(200);
    expect(leaks(await walk({ A: employerA, B: employerB }))).toEqual([]);
  });

  it('shows identity to the organisation applied to for that vacancy only, and to no one after erasure', async () => {
    await steps
      .apply(candidate, vacancyA, { shareQualifications: true, shareWorkExperience: true })
      .expect(201);
    expectDisclosedOnlyTo(await walk({ A: employerA, B: employerB }));

    await http()
      .post('/api/v1/candidates/me/erase')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ confirmation: 'ERASE MY ACCOUNT' })
      .expect(204);
    await drain();
    const readings = await walk({ A: employerA, B: employerB });
    expect(leaks(readings)).toEqual([]);
    expect(
      readings.filter((reading) => reading.text.includes(candidate.referenceCode) && reading.status === 200),
    ).toEqual([]);
  });
});

import { CANDIDATES_INDEX } from '@app/candidates';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { ConsistencyChecker, type ConsistencyReport } from '@app/consistency';
import { MEILI_CLIENT, SearchIndexes, settle } from '@app/search';
import { ShortageSeeder } from '@app/shortage-occupations';
import { TaxonomyIndexer } from '@app/taxonomy';
import { VACANCIES_INDEX } from '@app/vacancies';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Meilisearch } from 'meilisearch';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { AccountFactory, type SignedInAccount } from './factories/account.factory';
import {
  CandidateFactory,
  seedCandidateFixtures,
  type RegisteredCandidate,
} from './factories/candidate.factory';
import { EmployerFactory, type RegisteredEmployer } from './factories/employer.factory';
import { VacancyFactory } from './factories/vacancy.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { SETUP_TIMEOUT_MS } from './utils/deadlines';
import { truncateAll } from './utils/database';
import { drainQueues } from './utils/drain';
import { clearRateLimits } from './utils/rate-limits';

const counts = (report: ConsistencyReport) =>
  Object.fromEntries(report.kinds.filter((kind) => kind.count > 0).map((kind) => [kind.kind, kind.count]));

describe('consistency check', () => {
  let sut: NestExpressApplication;
  let worker: TestingModule;
  let dataSource: DataSource;
  let checker: ConsistencyChecker;
  let meili: Meilisearch;
  let indexes: SearchIndexes;
  let admin: SignedInAccount;
  let employer: RegisteredEmployer;
  let candidates: RegisteredCandidate[];
  let vacancies: string[];
  let draft: string;
  const http = () => request(sut.getHttpServer());
  const drain = () =>
    drainQueues(worker, ['maintenance', 'search-indexing', 'candidates', 'vacancies', 'matching']);

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    await seedCandidateFixtures(sut);
    await sut.get(ShortageSeeder).seed();
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
    checker = worker.get(ConsistencyChecker);
    meili = worker.get(MEILI_CLIENT);
    indexes = worker.get(SearchIndexes);
    const accounts = new AccountFactory(sut);
    admin = await accounts.admin();
    const ncp = await accounts.ncp(admin, 'NL');
    employer = await new EmployerFactory(sut, accounts).verified(ncp);
    const factory = new CandidateFactory(sut);
    candidates = [await factory.active(), await factory.active(), await factory.active()];
    const vacancyFactory = new VacancyFactory(sut);
    vacancies = [await vacancyFactory.published(employer), await vacancyFactory.published(employer)];
    draft = await vacancyFactory.draft(employer);
    await worker.get(TaxonomyIndexer).rebuild();
    await drain();
    // Documents other specs left in this run's indexes are drift too: start from none.
    await checker.check({ repair: true });
    await drain();
    // Real services and flows through the API: a loaded machine can take minutes to set this up.
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await worker?.close();
    await closeApp(sut);
  });

  it('finds no drift when Postgres, the indexes and the matches agree', async () => {
    const report = await checker.check({ repair: false });

    expect(counts(report)).toEqual({});
    expect(report.drift).toBe(0);
    expect(report.totals.indexes).toEqual(
      expect.arrayContaining([
        { index: 'candidates', expected: 3, indexed: 3 },
        { index: 'vacancies', expected: 2, indexed: 2 },
      ]),
    );
    expect(report.totals.matches).toMatchObject({ vacancies: 2, candidates: 3 });
  });

  it('reports each kind of drift with counts and sample ids, and --repair brings everything back', async () => {
    const candidatesIndex = meili.index(indexes.uid(CANDIDATES_INDEX));
    const vacanciesIndex = meili.index(indexes.uid(VACANCIES_INDEX));
    const [gone, changed] = candidates;
    await settle(candidatesIndex.deleteDocument(gone.referenceCode));
    await settle(
      candidatesIndex.updateDocuments([
        { referenceCode: changed.referenceCode, availability: 'unavailable' },
      ]),
    );
    const phantom = randomUUID();
    await settle(vacanciesIndex.addDocuments([{ id: phantom, title: 'A vacancy Postgres never had' }]));
    const occupationsIndex = meili.index<{ id: string }>(indexes.uid('occupations'));
    const [occupation] = (await occupationsIndex.getDocuments({ limit: 1, fields: ['id'] })).results;
    await settle(occupationsIndex.deleteDocument(occupation.id));
    await dataSource.query('DELETE FROM matches WHERE vacancy_id = $1 AND candidate_id = $2', [
      vacancies[0],
      candidates[2].candidateId,
    ]);
    await dataSource.query(
      `INSERT INTO matches (vacancy_id, candidate_id, score, score_version, computed_at, explanation, in_vacancy_top)
       VALUES ($1, $2, 0.9, 1, now(), '{}', true)`,
      [draft, candidates[2].candidateId],
    );

    const found = await checker.check({ repair: false });

    expect(counts(found)).toMatchObject({
      'candidates.missing': 1,
      'candidates.outdated': 1,
      'vacancies.stale': 1,
      'occupations.missing': 1,
      'matches.missing': 1,
      'matches.stale': 1,
    });
    const sample = (kind: string) => found.kinds.find((entry) => entry.kind === kind)!.sample;
    expect(sample('candidates.missing')).toEqual([gone.referenceCode]);
    expect(sample('candidates.outdated')).toEqual([changed.referenceCode]);
    expect(sample('vacancies.stale')).toEqual([phantom]);
    expect(sample('matches.stale')).toEqual([`${draft}:${candidates[2].candidateId}`]);
    expect(JSON.stringify(found)).not.toMatch(/Amina|El Idrissi|@/);

    const stored = await http()
      .get('/api/v1/admin/consistency')
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(200);
    expect(stored.body.report).toMatchObject({
      checkedAt: found.checkedAt,
      drift: found.drift,
      repaired: false,
    });
    await http()
      .get('/api/v1/admin/consistency')
      .auth(employer.user.accessToken, { type: 'bearer' })
      .expect(403);

    await checker.check({ repair: true });
    await drain();

    const after = await checker.check({ repair: false });
    expect(counts(after)).toEqual({});
  });

  it('runs a check the administrator asks for in the worker and serves its report', async () => {
    const asked = await http()
      .post('/api/v1/admin/consistency/checks')
      .auth(admin.accessToken, { type: 'bearer' })
      .send({ repair: false })
      .expect(202);
    expect(asked.body).toEqual({ status: 'accepted', repair: false });
    const before = Date.now();
    await drain();

    const last = await http()
      .get('/api/v1/admin/consistency')
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(200);
    expect(new Date(last.body.report.checkedAt).getTime()).toBeGreaterThanOrEqual(before - 60_000);
    expect(last.body.report).toMatchObject({ drift: 0, repaired: false });
  });
});

import { CANDIDATES_INDEX } from '@app/candidates';
import { isoDay } from '@app/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { PartnerCountryAdministration } from '@app/partner-country-administration';
import { MEILI_CLIENT, SearchIndexes } from '@app/search';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Meilisearch } from 'meilisearch';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { AccountFactory, type SignedInAccount } from './factories/account.factory';
import {
  CandidateFactory,
  seedCandidateFixtures,
  type RegisteredCandidate,
} from './factories/candidate.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { auditActionsOf, auditWatermark } from './utils/audit';
import { truncateAll } from './utils/database';
import { clearRateLimits } from './utils/rate-limits';
import { waitFor } from './utils/wait-for';

describe('partner-country eligibility administration', () => {
  let sut: NestExpressApplication;
  let worker: TestingModule;
  let dataSource: DataSource;
  let admin: SignedInAccount;
  let meili: Meilisearch;
  let uid: string;
  let moroccans: RegisteredCandidate[];
  let tunisian: RegisteredCandidate;
  const today = isoDay();
  const http = () => request(sut.getHttpServer());
  const asAdmin = <T extends { auth: (token: string, options: { type: 'bearer' }) => T }>(pending: T) =>
    pending.auth(admin.accessToken, { type: 'bearer' });
  const preview = (status: string) =>
    asAdmin(http().post('/api/v1/admin/partner-countries/ma/impact-preview'))
      .send({ status, effectiveFrom: today })
      .expect(200);
  const setStatus = (status: string, effectiveFrom = today, reason = 'Council decision on the partnership') =>
    asAdmin(http().post('/api/v1/admin/partner-countries/MA/status'))
      .send({ status, effectiveFrom, reason })
      .expect(200);

  async function indexedCodes(): Promise<string[]> {
    const { results } = await meili.index(uid).getDocuments({ limit: 1000 });
    return results.map((document) => String(document.referenceCode ?? document.id));
  }

  const untilIndex = (what: string, condition: (codes: string[]) => boolean) =>
    waitFor(async () => condition(await indexedCodes()), { what });

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    await seedCandidateFixtures(sut);
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
    meili = worker.get(MEILI_CLIENT);
    uid = worker.get(SearchIndexes).uid(CANDIDATES_INDEX);
    admin = await new AccountFactory(sut).admin();
    const candidates = new CandidateFactory(sut);
    moroccans = [await candidates.active(), await candidates.active()];
    tunisian = await candidates.active({
      residenceCountry: 'TN',
      citizenships: ['TN'],
      phone: '+216 20 123 456',
    });
    await untilIndex('the three candidates in search', (codes) =>
      [...moroccans, tunisian].every((candidate) => codes.includes(candidate.referenceCode)),
    );
  });

  afterAll(async () => {
    await worker?.close();
    await closeApp(sut);
  });

  it('previews a suspension without applying it, with the stored matches it would remove', async () => {
    const response = await preview('suspended');
    expect(response.body).toEqual({
      countryCode: 'MA',
      currentStatus: 'talent_partnership',
      proposedStatus: 'suspended',
      effectiveFrom: today,
      visibility: 'hidden',
      activeProfiles: 2,
      profilesAffected: 2,
      matches: { effect: 'removed', computed: true, affected: 0, candidates: 0 },
    });
    expect((await preview('eligible')).body).toMatchObject({ visibility: 'none', profilesAffected: 0 });
    const history = await asAdmin(http().get('/api/v1/admin/partner-countries/MA/history')).expect(200);
    expect(history.body).toMatchObject({ total: 1, items: [expect.anything()] });
    expect(await indexedCodes()).toEqual(expect.arrayContaining(moroccans.map((c) => c.referenceCode)));
  });

  it('hides a suspended country’s candidates, tells them why, and restores them when lifted — as previewed', async () => {
    const since = await auditWatermark(dataSource);
    const suspension = await preview('suspended');
    const suspended = await setStatus('suspended', today, 'Partnership agreement suspended');
    expect(suspended.body.applied).toEqual({
      before: 'talent_partnership',
      after: 'suspended',
      visibility: 'hidden',
      profilesAffected: suspension.body.profilesAffected,
      candidatesNotified: suspension.body.profilesAffected,
    });
    await untilIndex('the Moroccan candidates to leave search', (codes) =>
      moroccans.every((candidate) => !codes.includes(candidate.referenceCode)),
    );
    const codes = await indexedCodes();
    expect(codes).toContain(tunisian.referenceCode);
    const hidden = moroccans.filter((candidate) => !codes.includes(candidate.referenceCode));
    expect(hidden).toHaveLength(suspension.body.profilesAffected);
    const [{ kept }] = await dataSource.query(
      'SELECT count(*)::int AS kept FROM candidates WHERE id = ANY($1)',
      [moroccans.map((candidate) => candidate.candidateId)],
    );
    expect(kept).toBe(2);
    const mails: { to_address: string }[] = await dataSource.query(
      `SELECT to_address FROM mail_messages WHERE template = 'partner-countries.suspended' ORDER BY to_address`,
    );
    expect(mails.map((mail) => mail.to_address)).toEqual(
      moroccans.map((candidate) => candidate.email).sort(),
    );

    const lifting = await preview('talent_partnership');
    expect(lifting.body).toMatchObject({
      currentStatus: 'suspended',
      visibility: 'restored',
      profilesAffected: 2,
      matches: { effect: 'restored', computed: false, affected: null, candidates: 2 },
    });
    const lifted = await setStatus('talent_partnership', today, 'Partnership resumed');
    expect(lifted.body.applied).toMatchObject({
      visibility: 'restored',
      profilesAffected: lifting.body.profilesAffected,
      candidatesNotified: 2,
    });
    await untilIndex('the Moroccan candidates back in search', (found) =>
      moroccans.every((candidate) => found.includes(candidate.referenceCode)),
    );
    expect(await auditActionsOf(dataSource, 'partner_country', 'MA', since)).toEqual([
      'partner_country.status_set',
      'partner_country.status_applied',
      'partner_country.status_set',
      'partner_country.status_applied',
    ]);
  });

  it('records a future-dated change now and leaves it to the scheduled job, which applies nothing early', async () => {
    const tomorrow = isoDay(new Date(Date.now() + 24 * 3600 * 1000));
    const later = await setStatus('suspended', tomorrow, 'Suspension announced for tomorrow');
    expect(later.body).toMatchObject({ status: 'suspended', effectiveFrom: tomorrow, applied: null });
    expect(await sut.get(PartnerCountryAdministration).applyDue()).toEqual([]);
    expect(await indexedCodes()).toEqual(expect.arrayContaining(moroccans.map((c) => c.referenceCode)));
  });

  it('refuses EU Member States and unknown countries', async () => {
    const eu = await asAdmin(http().post('/api/v1/admin/partner-countries/FR/impact-preview'))
      .send({ status: 'suspended', effectiveFrom: today })
      .expect(400);
    expect(eu.body.error.code).toBe('NOT_A_THIRD_COUNTRY');
    await asAdmin(http().post('/api/v1/admin/partner-countries/XX/status'))
      .send({ status: 'suspended', effectiveFrom: today, reason: 'Unknown country' })
      .expect(400);
  });
});

import {
  CandidateCountryImpact,
  CandidateIndexer,
  CandidateIndexRequests,
  CANDIDATES_INDEX,
} from '@app/candidates';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { JobProducer } from '@app/queue';
import { MEILI_CLIENT, SearchIndexes, SearchIndexWriter, settle } from '@app/search';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Meilisearch } from 'meilisearch';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import {
  CandidateFactory,
  ESCO,
  seedCandidateFixtures,
  type RegisteredCandidate,
} from './factories/candidate.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { truncateAll } from './utils/database';
import { drainQueues } from './utils/drain';
import { clearRateLimits } from './utils/rate-limits';
import { waitFor } from './utils/wait-for';

const IDENTITY_FIELDS = [
  'givenName',
  'familyName',
  'name',
  'email',
  'phone',
  'dateOfBirth',
  'address',
  'citizenships',
];

describe('candidates in search', () => {
  let sut: NestExpressApplication;
  let worker: TestingModule;
  let dataSource: DataSource;
  let candidates: CandidateFactory;
  let meili: Meilisearch;
  let uid: string;
  const http = () => request(sut.getHttpServer());
  const drain = () => drainQueues(sut, ['candidates']);

  async function indexed(referenceCode: string): Promise<Record<string, unknown> | null> {
    try {
      return await meili.index(uid).getDocument(referenceCode);
    } catch {
      return null;
    }
  }

  async function runLifecycle(): Promise<void> {
    await sut.get(JobProducer).enqueue('candidates.lifecycle', {});
    await drain();
  }

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get<DataSource>(getDataSourceToken());
    meili = sut.get<Meilisearch>(MEILI_CLIENT);
    uid = sut.get(SearchIndexes).uid(CANDIDATES_INDEX);
    candidates = new CandidateFactory(sut);
    // Vacancies and matches left by earlier spec files would show up in the data export.
    await truncateAll(dataSource);
    await seedCandidateFixtures(sut);
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
  });

  beforeEach(() => clearRateLimits(sut.get<AppConfig>(APP_CONFIG)));

  afterAll(async () => {
    await worker?.close();
    await closeApp(sut);
  });

  it('indexes an active profile as a pseudonymised document and follows its edits', async () => {
    const candidate = await candidates.active();
    await drain();
    const document = await indexed(candidate.referenceCode);
    expect(document).toMatchObject({
      referenceCode: candidate.referenceCode,
      occupationUris: [ESCO.welder],
      iscoCodes: ['7212'],
      occupations: [
        { uri: ESCO.welder, label_en: 'welder', label_fr: 'soudeur/soudeuse', yearsOfExperience: 6 },
      ],
      skillUris: expect.arrayContaining([ESCO.weldMetal, ESCO.readBlueprints]),
      languageRanks: { fr: 4, ar: 6 },
      maxEqfLevel: 4,
      residenceCountry: 'MA',
      programmeType: 'talent_partnership',
      preferredMemberStates: ['DE', 'NL'],
      availableFrom: '2026-09-01',
    });

    await http()
      .patch('/api/v1/candidates/me')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ skills: [{ uri: ESCO.patientCare, level: 'basic' }], languages: [{ code: 'de', cefr: 'A2' }] })
      .expect(200);
    await drain();
    expect(await indexed(candidate.referenceCode)).toMatchObject({
      skillUris: [ESCO.patientCare],
      languageRanks: { de: 2 },
    });
  });

  it('never puts an identity field or value into any candidate document', async () => {
    const candidate = await candidates.active({ givenName: 'Youssef', familyName: 'Benali' });
    await drain();
    const { results } = await meili.index(uid).getDocuments({ limit: 1000 });
    expect(results.length).toBeGreaterThan(0);
    const [account]: { email: string }[] = await dataSource.query(
      'SELECT email FROM accounts WHERE id = $1',
      [candidate.id],
    );
    const [row]: { date_of_birth: string; phone_e164: string }[] = await dataSource.query(
      'SELECT date_of_birth::text, phone_e164 FROM candidates WHERE id = $1',
      [candidate.candidateId],
    );
    const keys = (value: unknown): string[] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, child]) => [key, ...keys(child)])
        : [];
    for (const document of results) {
      expect(keys(document).filter((key) => IDENTITY_FIELDS.includes(key))).toEqual([]);
      expect(Object.values(document)).not.toContain(candidate.candidateId);
    }
    const text = JSON.stringify(results);
    for (const secret of [
      'Youssef',
      'Benali',
      account.email,
      row.date_of_birth,
      row.phone_e164,
      candidate.id,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('hides paused profiles and shows them again when available', async () => {
    const candidate = await candidates.active();
    const patch = (availability: string) =>
      http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send({ availability });
    const paused = await patch('paused').expect(200);
    expect(paused.body.visibility).toEqual({ searchable: false, reasons: ['the profile is marked paused'] });
    await drain();
    expect(await indexed(candidate.referenceCode)).toBeNull();
    await patch('available').expect(200);
    await drain();
    expect(await indexed(candidate.referenceCode)).not.toBeNull();
  });

  it('expires a profile past its validity, reminds before, and brings it back on renewal', async () => {
    const expiring = await candidates.active();
    const soon = await candidates.active();
    await drain();
    await dataSource.query(`UPDATE candidates SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      expiring.candidateId,
    ]);
    await dataSource.query(`UPDATE candidates SET expires_at = now() + interval '3 days' WHERE id = $1`, [
      soon.candidateId,
    ]);
    await runLifecycle();
    await runLifecycle();

    expect(await indexed(expiring.referenceCode)).toBeNull();
    const profile = await http()
      .get('/api/v1/candidates/me')
      .auth(expiring.accessToken, { type: 'bearer' })
      .expect(200);
    expect(profile.body).toMatchObject({
      status: 'expired',
      skills: expect.arrayContaining([expect.anything()]),
    });
    const mails = async (email: string, template: string) =>
      (
        await dataSource.query<unknown[]>(
          'SELECT 1 FROM mail_messages WHERE to_address = $1 AND template = $2',
          [email, template],
        )
      ).length;
    expect(await mails(expiring.email, 'candidates.expired')).toBe(1);
    expect(await mails(soon.email, 'candidates.expiry-reminder')).toBe(1);
    expect(await indexed(soon.referenceCode)).not.toBeNull();

    const renewed = await http()
      .post('/api/v1/candidates/me/renew')
      .auth(expiring.accessToken, { type: 'bearer' })
      .expect(200);
    expect(renewed.body.status).toBe('active');
    await drain();
    expect(await indexed(expiring.referenceCode)).not.toBeNull();
  });

  it('removes candidates of a suspended country on request and counts who is affected', async () => {
    const candidate = await candidates.active({
      residenceCountry: 'BD',
      citizenships: ['BD'],
      phone: undefined,
    });
    await drain();
    expect(await sut.get(CandidateCountryImpact).countActiveAffected('bd')).toMatchObject({
      activeCandidates: 1,
      activeResidents: 1,
      activeCitizens: 1,
    });
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO partner_country_statuses (country_code, status, effective_from, reason)
         VALUES ('BD', 'suspended', current_date, 'Suspended for the test')`,
      );
      await sut.get(CandidateIndexRequests).countryChanged(manager, 'BD');
    });
    try {
      await drain();
      expect(await indexed(candidate.referenceCode)).toBeNull();
      const profile = await http()
        .get('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .expect(200);
      expect(profile.body).toMatchObject({ status: 'active', visibility: { searchable: false } });
    } finally {
      await dataSource.transaction(async (manager) => {
        await manager.query(`DELETE FROM partner_country_statuses WHERE country_code = 'BD'`);
        await sut.get(CandidateIndexRequests).countryChanged(manager, 'BD');
      });
    }
    await drain();
    expect(await indexed(candidate.referenceCode)).not.toBeNull();
  });

  it('exports everything about me, then erases me: gone from search at once, audit anonymised', async () => {
    const candidate: RegisteredCandidate = await candidates.active();
    await drain();
    const auth = { type: 'bearer' as const };
    const exported = await http()
      .get('/api/v1/candidates/me/export')
      .auth(candidate.accessToken, auth)
      .expect(200);
    expect(exported.body).toMatchObject({
      account: { id: candidate.id, email: candidate.email },
      candidate: { referenceCode: candidate.referenceCode, givenName: 'Amina', phone: '+212612345678' },
      matches: [],
      contactRequests: [],
    });
    expect(exported.body.auditEvents.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['account.registered', 'candidate.registered', 'candidate.activated']),
    );

    await http().post('/api/v1/candidates/me/erase').auth(candidate.accessToken, auth).send({}).expect(400);
    await http()
      .post('/api/v1/candidates/me/erase')
      .auth(candidate.accessToken, auth)
      .send({ confirmation: 'ERASE MY ACCOUNT' })
      .expect(204);
    expect(await indexed(candidate.referenceCode)).toBeNull();
    await http().get('/api/v1/candidates/me').auth(candidate.accessToken, auth).expect(401);
    for (const [table, column, id] of [
      ['accounts', 'id', candidate.id],
      ['candidates', 'id', candidate.candidateId],
      ['mail_messages', 'to_address', candidate.email],
    ]) {
      expect(await dataSource.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [id])).toHaveLength(0);
    }
    const naming: unknown[] = await dataSource.query(
      `SELECT 1 FROM audit_events WHERE actor_account_id = $1 OR target_id = ANY($2) OR details::text LIKE $3`,
      [candidate.id, [candidate.id, candidate.candidateId], `%${candidate.id}%`],
    );
    expect(naming).toHaveLength(0);
    const [erased]: { actor_account_id: string | null }[] = await dataSource.query(
      `SELECT actor_account_id FROM audit_events WHERE action = 'candidate.erased' ORDER BY id DESC LIMIT 1`,
    );
    expect(erased).toEqual({ actor_account_id: null });
    await drain();
    expect(await indexed(candidate.referenceCode)).toBeNull();
    await expect(
      dataSource.query(
        `UPDATE audit_events SET actor_account_id = NULL WHERE action = 'candidate.activated'`,
      ),
    ).rejects.toThrow(/append-only: UPDATE/);
  });

  it('reports and repairs drift, and rebuilds the index with a swap', async () => {
    const candidate = await candidates.active();
    await drain();
    const indexer = sut.get(CandidateIndexer);
    // Start from an index that agrees with Postgres: earlier spec files leave documents behind.
    await indexer.check({ repair: true });
    await indexer.remove([candidate.referenceCode]);
    await settle(meili.index(uid).addDocuments([{ referenceCode: 'TP-ZZZZ-ZZZZ' }]));

    const report = await indexer.check({ repair: false });
    expect(report).toMatchObject({
      missing: [candidate.referenceCode],
      extra: ['TP-ZZZZ-ZZZZ'],
      repaired: false,
    });
    await indexer.check({ repair: true });
    expect(await indexer.check({ repair: false })).toMatchObject({ missing: [], stale: [], extra: [] });

    const rebuilt = await indexer.rebuild();
    expect(rebuilt.documents).toBe(report.expected);
    expect(await indexed(candidate.referenceCode)).not.toBeNull();
    const { results } = await meili.getIndexes({ limit: 1000 });
    expect(results.filter((index) => index.uid.startsWith(`${uid}__build_`))).toEqual([]);
  });

  it('keeps a profile activated while the index is rebuilt: written into the new index, present after the swap', async () => {
    const indexer = worker.get(CandidateIndexer);
    const writer = worker.get(SearchIndexWriter);
    const swap = writer.swap.bind(writer);
    let during: RegisteredCandidate | undefined;
    // The pages are read and the new index is full: activate a profile now, then let the swap happen.
    const spy = jest.spyOn(writer, 'swap').mockImplementation(async (live, build) => {
      const activated = await candidates.active();
      during = activated;
      await waitFor(
        async () => {
          try {
            await meili.index(build).getDocument(activated.referenceCode);
            return true;
          } catch {
            return false;
          }
        },
        { what: 'the profile mirrored into the index being built' },
      );
      await swap(live, build);
    });
    try {
      await indexer.rebuild();
    } finally {
      spy.mockRestore();
    }
    expect(during).toBeDefined();
    expect(await indexed(during!.referenceCode)).not.toBeNull();
  });
});

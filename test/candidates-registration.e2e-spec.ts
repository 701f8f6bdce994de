import { APP_CONFIG, type AppConfig } from '@app/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AccountFactory } from './factories/account.factory';
import { birthDate, CandidateFactory, ESCO, seedCandidateFixtures } from './factories/candidate.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { truncateAll } from './utils/database';
import { clearRateLimits } from './utils/rate-limits';

describe('candidate registration and profile input', () => {
  let sut: NestExpressApplication;
  let dataSource: DataSource;
  let candidates: CandidateFactory;
  const http = () => request(sut.getHttpServer());

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get<DataSource>(getDataSourceToken());
    // Other specs register candidates with the same phone numbers; duplicate signals must see only these.
    await truncateAll(dataSource);
    candidates = new CandidateFactory(sut);
    await seedCandidateFixtures(sut);
  });

  beforeEach(() => clearRateLimits(sut.get<AppConfig>(APP_CONFIG)));

  afterAll(() => closeApp(sut));

  async function register(overrides: Record<string, unknown>) {
    const account = await candidates.account();
    const response = await http()
      .post('/api/v1/candidates/me')
      .auth(account.accessToken, { type: 'bearer' })
      .send(candidates.registration(overrides));
    return { account, response };
  }

  describe('eligibility', () => {
    it('accepts a candidate who turns 18 today, as a draft with a pseudonymous reference code', async () => {
      const { account, response } = await register({ dateOfBirth: birthDate(18) });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        status: 'draft',
        availability: 'available',
        referenceCode: expect.stringMatching(/^TP-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
        phone: '+212612345678',
        completeness: { readyForActivation: false, percent: 0 },
        visibility: { searchable: false },
      });
      const [audit]: { action: string }[] = await dataSource.query(
        `SELECT action FROM audit_events WHERE actor_account_id = $1 AND action = 'candidate.registered'`,
        [account.id],
      );
      expect(audit).toBeDefined();
    });

    it.each([
      ['a resident of an EU Member State', { residenceCountry: 'FR' }, 'RESIDENCE_IN_EU'],
      ['an EU citizen', { citizenships: ['MA', 'ES'] }, 'EU_CITIZENSHIP'],
      ['someone 17 years and 364 days old', { dateOfBirth: birthDate(18, 1) }, 'BELOW_MINIMUM_AGE'],
    ])('refuses %s with its own code and reason', async (_, overrides, code) => {
      const { account, response } = await register(overrides);
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({
        code,
        message: expect.any(String),
        details: [expect.objectContaining({ code, reason: expect.any(String) })],
      });
      const refused: { details: { reasons: string[] } }[] = await dataSource.query(
        `SELECT details FROM audit_events WHERE actor_account_id = $1 AND action = 'candidate.registration_refused'`,
        [account.id],
      );
      expect(refused[0].details.reasons).toEqual([code]);
      const rows: unknown[] = await dataSource.query('SELECT 1 FROM candidates WHERE account_id = $1', [
        account.id,
      ]);
      expect(rows).toHaveLength(0);
    });

    it('refuses residents and citizens of a suspended country', async () => {
      await dataSource.query(
        `INSERT INTO partner_country_statuses (country_code, status, effective_from, reason)
         VALUES ('PK', 'suspended', current_date - 1, 'Suspended for the test')`,
      );
      try {
        const resident = await register({ residenceCountry: 'PK', citizenships: ['PK'], phone: undefined });
        expect(resident.response.status).toBe(422);
        expect(resident.response.body.error.code).toBe('RESIDENCE_COUNTRY_NOT_ELIGIBLE');
        expect(resident.response.body.error.details.map((d: { code: string }) => d.code)).toEqual([
          'RESIDENCE_COUNTRY_NOT_ELIGIBLE',
          'CITIZENSHIP_COUNTRY_NOT_ELIGIBLE',
        ]);
        const citizen = await register({ citizenships: ['MA', 'PK'] });
        expect(citizen.response.status).toBe(422);
        expect(citizen.response.body.error.code).toBe('CITIZENSHIP_COUNTRY_NOT_ELIGIBLE');
      } finally {
        await dataSource.query(`DELETE FROM partner_country_statuses WHERE country_code = 'PK'`);
      }
    });

    it('registers an account only once', async () => {
      const candidate = await candidates.registered();
      const again = await http()
        .post('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send(candidates.registration())
        .expect(409);
      expect(again.body.error.code).toBe('CANDIDATE_ALREADY_REGISTERED');
    });
  });

  describe('bad input', () => {
    it('refuses a future date of birth, an unknown country and an invalid phone number', async () => {
      const future = await register({ dateOfBirth: birthDate(-1) });
      expect(future.response.status).toBe(400);
      expect(future.response.body.error.details).toEqual([expect.objectContaining({ field: 'dateOfBirth' })]);
      expect((await register({ residenceCountry: 'QQ' })).response.body.error.code).toBe(
        'UNKNOWN_REFERENCE_VALUE',
      );
      expect((await register({ phone: '12' })).response.body.error.code).toBe('INVALID_PHONE_NUMBER');
    });

    it('refuses unknown fields on registration and profile edits', async () => {
      const { response } = await register({ religion: 'none' });
      expect(response.status).toBe(400);
      expect(response.body.error.details).toEqual([
        { field: 'religion', reason: 'field religion is not allowed' },
      ]);
      const candidate = await candidates.registered();
      const edit = await http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send({ skills: [{ uri: ESCO.weldMetal, health: 'good' }], ethnicity: 'x' })
        .expect(400);
      expect(edit.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'ethnicity',
        'skills.0.health',
      ]);
    });

    it('refuses an unknown ESCO URI, a CEFR level D3 and a non-participating Member State', async () => {
      const candidate = await candidates.registered();
      const patch = (body: Record<string, unknown>) =>
        http().patch('/api/v1/candidates/me').auth(candidate.accessToken, { type: 'bearer' }).send(body);

      const unknown = await patch({ skills: [{ uri: ESCO.unknownSkill }] }).expect(400);
      expect(unknown.body.error).toMatchObject({
        code: 'UNKNOWN_ESCO_CONCEPT',
        details: [{ field: 'skills.0.uri', reason: expect.stringContaining(ESCO.unknownSkill) }],
      });
      const notEsco = await patch({
        occupations: [{ uri: 'http://example.org/welder', yearsOfExperience: 1 }],
      });
      expect(notEsco.status).toBe(400);

      const cefr = await patch({ languages: [{ code: 'fr', cefr: 'D3' }] }).expect(400);
      expect(cefr.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'languages.0.cefr', reason: expect.stringContaining('CEFR') }],
      });

      await dataSource.query(`UPDATE member_states SET participating = false WHERE country_code = 'DK'`);
      const state = await patch({ preferredMemberStates: ['DE', 'DK'] }).expect(400);
      expect(state.body.error.details).toEqual([
        expect.objectContaining({ field: 'preferredMemberStates.1' }),
      ]);
      await dataSource.query(`UPDATE member_states SET participating = true WHERE country_code = 'DK'`);

      const profile = await http()
        .get('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .expect(200);
      expect(profile.body).toMatchObject({ skills: [], languages: [], preferredMemberStates: [] });
    });

    it('bounds list sizes: 101 skills are refused by validation, 10 000 by the body limit', async () => {
      const candidate = await candidates.registered();
      const skills = (count: number) => Array.from({ length: count }, () => ({ uri: ESCO.weldMetal }));
      const tooMany = await http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send({ skills: skills(101) })
        .expect(400);
      expect(tooMany.body.error.details).toEqual([
        expect.objectContaining({ field: 'skills', reason: expect.stringContaining('100') }),
      ]);
      const huge = await http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send({ skills: skills(10_000) });
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('profile', () => {
    it('names the missing items until the profile can be activated, then activates it', async () => {
      const candidate = await candidates.registered();
      const auth = { type: 'bearer' as const };
      const early = await http()
        .post('/api/v1/candidates/me/activate')
        .auth(candidate.accessToken, auth)
        .expect(422);
      expect(early.body.error.code).toBe('PROFILE_INCOMPLETE');
      expect(early.body.error.details.map((d: { field: string }) => d.field)).toEqual([
        'occupations',
        'skills',
        'languages',
      ]);
      const edited = await http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, auth)
        .send({
          occupations: [{ uri: ESCO.welder, yearsOfExperience: 3 }],
          skills: [{ uri: ESCO.weldMetal }],
        })
        .expect(200);
      expect(
        edited.body.completeness.missing.filter(
          (m: { requiredForActivation: boolean }) => m.requiredForActivation,
        ),
      ).toEqual([expect.objectContaining({ item: 'languages', hint: expect.any(String) })]);
      await http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, auth)
        .send({ languages: [{ code: 'FR', cefr: 'b1' }] })
        .expect(400);
      await http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, auth)
        .send({ languages: [{ code: 'FR', cefr: 'B1' }] })
        .expect(200);
      const active = await http()
        .post('/api/v1/candidates/me/activate')
        .auth(candidate.accessToken, auth)
        .expect(200);
      expect(active.body).toMatchObject({
        status: 'active',
        languages: [{ code: 'fr', cefr: 'B1' }],
        completeness: { readyForActivation: true },
        visibility: { searchable: true, reasons: [] },
      });
      expect(new Date(active.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 360 * 24 * 3600 * 1000);
      const stripped = await http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, auth)
        .send({ skills: [] })
        .expect(422);
      expect(stripped.body.error.code).toBe('PROFILE_INCOMPLETE');
    });
  });

  describe('duplicate signals', () => {
    it('flags candidate accounts sharing one phone number, written differently, to administrators only', async () => {
      const first = await candidates.registered({
        phone: '+216 20 123 456',
        residenceCountry: 'TN',
        citizenships: ['TN'],
      });
      const second = await candidates.registered({
        phone: '20123456',
        residenceCountry: 'TN',
        citizenships: ['TN'],
      });
      const admin = await new AccountFactory(sut).admin();
      const response = await http()
        .get('/api/v1/admin/candidates/possible-duplicates?limit=100')
        .auth(admin.accessToken, { type: 'bearer' })
        .expect(200);
      expect(response.body.total).toBeGreaterThanOrEqual(response.body.items.length);
      const group = response.body.items.find((entry: { phone: string }) => entry.phone === '+21620123456');
      expect(group.candidates.map((c: { candidateId: string }) => c.candidateId)).toEqual([
        first.candidateId,
        second.candidateId,
      ]);
      await http()
        .get('/api/v1/admin/candidates/possible-duplicates')
        .auth(first.accessToken, { type: 'bearer' })
        .expect(403);
    });
  });
});

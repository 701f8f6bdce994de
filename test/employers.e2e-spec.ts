import { APP_CONFIG, type AppConfig } from '@app/config';
import { Employers } from '@app/employers';
import { Authentication } from '@app/identity';
import { ReferenceDataSeeder } from '@app/reference-data';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AccountFactory, type SignedInAccount } from './factories/account.factory';
import { EmployerFactory, registrationBody } from './factories/employer.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { auditActionsOf, auditWatermark } from './utils/audit';
import { truncateAll } from './utils/database';
import { clearRateLimits } from './utils/rate-limits';

describe('employers and Member State participation', () => {
  let sut: NestExpressApplication;
  let dataSource: DataSource;
  let admin: SignedInAccount;
  let ncpNl: SignedInAccount;
  let ncpDe: SignedInAccount;
  let employers: EmployerFactory;
  const http = () => request(sut.getHttpServer());

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    await sut.get(ReferenceDataSeeder).seed();
    const accounts = new AccountFactory(sut);
    admin = await accounts.admin();
    ncpNl = await accounts.ncp(admin, 'NL');
    ncpDe = await accounts.ncp(admin, 'DE');
    employers = new EmployerFactory(sut, accounts);
  });

  afterAll(() => closeApp(sut));

  const participation = (code: string, body: Record<string, unknown>) =>
    http()
      .put(`/api/v1/admin/member-states/${code}/participation`)
      .auth(admin.accessToken, { type: 'bearer' })
      .send({
        participating: true,
        notificationDate: null,
        participationStartDate: null,
        withdrawalDate: null,
        allowedEntityTypes: ['employer'],
        reason: 'Notified by the Member State',
        ...body,
      });

  it('lets administrators manage participation with the 9-month rule, audited and published', async () => {
    const since = await auditWatermark(dataSource);
    const early = await participation('BE', {
      notificationDate: '2026-01-10',
      participationStartDate: '2026-10-09',
    }).expect(400);
    expect(early.body.error).toMatchObject({
      code: 'INVALID_PARTICIPATION',
      details: [{ field: 'participationStartDate', reason: expect.stringContaining('2026-10-10 or later') }],
    });
    const ok = await participation('BE', {
      notificationDate: '2026-01-10',
      participationStartDate: '2026-10-10',
      withdrawalDate: '2030-01-01',
      allowedEntityTypes: ['employer', 'temporary_work_agency'],
    }).expect(200);
    expect(ok.body).toMatchObject({ countryCode: 'BE', participationStartDate: '2026-10-10' });
    await participation('BE', {}).auth(ncpNl.accessToken, { type: 'bearer' }).expect(403);
    expect(await auditActionsOf(dataSource, 'member_state', 'BE', since)).toEqual([
      'member_state.participation_changed',
    ]);

    const published = (on: string) =>
      http().get('/api/v1/reference/member-states').query({ participatingOn: on }).expect(200);
    const codes = (response: { body: { countryCode: string }[] }) =>
      response.body.map((state) => state.countryCode);
    expect(codes(await published('2026-10-09'))).not.toContain('BE');
    expect(codes(await published('2026-10-10'))).toContain('BE');
    expect(codes(await published('2030-01-01'))).not.toContain('BE');
    expect(codes(await published('2026-10-10'))).not.toContain('DK');
  });

  it('registers only in a participating state that allows the entity type', async () => {
    const denmark = await http()
      .post('/api/v1/employers')
      .send(registrationBody({ memberState: 'DK' }))
      .expect(422);
    expect(denmark.body.error.code).toBe('MEMBER_STATE_NOT_PARTICIPATING');
    await participation('AT', { allowedEntityTypes: ['employer'] }).expect(200);
    const agency = await http()
      .post('/api/v1/employers')
      .send(registrationBody({ memberState: 'AT', entityType: 'temporary_work_agency' }))
      .expect(422);
    expect(agency.body.error.code).toBe('ENTITY_TYPE_NOT_ALLOWED');
  });

  it('answers a registration the same whether or not its contact address has an account, and tells that account by mail', async () => {
    const candidate = await new AccountFactory(sut).candidate();
    const fresh = registrationBody();
    const accepted = await http().post('/api/v1/employers').send(fresh).expect(202);
    const inUse = registrationBody({ contact: { name: 'Ana Lopes', email: candidate.email.toUpperCase() } });
    const same = await http().post('/api/v1/employers').send(inUse).expect(202);
    expect(same.body).toEqual(accepted.body);
    expect(Object.keys(same.body)).toEqual(['message']);

    const registered = (body: Record<string, unknown>) =>
      dataSource.query(`SELECT status FROM employer_organisations WHERE registration_number = $1`, [
        String(body.registrationNumber).replace(/\W/g, '').toUpperCase(),
      ]);
    expect(await registered(fresh)).toEqual([{ status: 'pending' }]);
    expect(await registered(inUse)).toEqual([]);
    const accounts: { role: string; employer_organisation_id: string | null }[] = await dataSource.query(
      `SELECT role, employer_organisation_id FROM accounts WHERE email = $1`,
      [candidate.email],
    );
    expect(accounts).toEqual([{ role: 'candidate', employer_organisation_id: null }]);
    const mails: { template: string; subject: string }[] = await dataSource.query(
      `SELECT template, subject FROM mail_messages WHERE to_address = $1 AND template LIKE 'employers.%'`,
      [candidate.email],
    );
    expect(mails).toEqual([
      { template: 'employers.contact-address-in-use', subject: 'Your organisation was not registered' },
    ]);
    const [refusal] = await dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'employer.registration_refused'
        AND details->>'reason' = 'contact_address_in_use' ORDER BY id DESC LIMIT 1`,
    );
    expect(refusal.details).toEqual({ memberState: 'NL', reason: 'contact_address_in_use' });
    expect(JSON.stringify(refusal)).not.toContain(candidate.email);
  });

  it('answers a second registration of the same number like the first, so it tells nothing about the contact address', async () => {
    const candidate = await new AccountFactory(sut).candidate();
    const fresh = registrationBody();
    const inUse = registrationBody({ contact: { name: 'Ana Lopes', email: candidate.email } });
    const answers = [];
    for (const body of [fresh, fresh, inUse, inUse]) {
      const response = await http().post('/api/v1/employers').send(body).expect(202);
      answers.push(response.body);
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    const mails: { template: string }[] = await dataSource.query(
      `SELECT template FROM mail_messages WHERE to_address = $1 AND template LIKE 'employers.%'`,
      [(fresh.contact as { email: string }).email.toLowerCase()],
    );
    expect(mails).toEqual([{ template: 'employers.already-registered' }]);
    const [refusal] = await dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'employer.registration_refused'
        AND details->>'reason' = 'registration_number_taken' ORDER BY id DESC LIMIT 1`,
    );
    expect(refusal.details).toEqual({ memberState: 'NL', reason: 'registration_number_taken' });
  });

  it('keeps a registered employer pending, unable to search, until its own NCP verifies it', async () => {
    const { organisationId, user } = await employers.registered();
    const own = await http()
      .get(`/api/v1/employers/${organisationId}`)
      .auth(user.accessToken, { type: 'bearer' })
      .expect(200);
    expect(own.body).toMatchObject({ status: 'pending', memberState: 'NL', entityType: 'employer' });
    const principal = await sut.get(Authentication).authenticate(user.accessToken);
    await expect(sut.get(Employers).assertVerifiedEmployer(principal!)).rejects.toMatchObject({
      code: 'EMPLOYER_NOT_VERIFIED',
    });

    const foreign = await employers.setStatus(ncpDe, organisationId, 'verified').expect(403);
    expect(foreign.body.error.code).toBe('NOT_OWNER');
    await http()
      .get(`/api/v1/employers/${organisationId}`)
      .auth(ncpDe.accessToken, { type: 'bearer' })
      .expect(403);
    await employers.setStatus(ncpNl, organisationId, 'verified').expect(200);
    // The same session: the organisation's status is read on each request, not kept with the session.
    const next = await sut.get(Authentication).authenticate(user.accessToken);
    await expect(sut.get(Employers).assertVerifiedEmployer(next!)).resolves.toBe(organisationId);

    const listed = await http()
      .get('/api/v1/employers')
      .query({ status: 'verified', limit: 100 })
      .auth(ncpNl.accessToken, { type: 'bearer' })
      .expect(200);
    expect(listed.body.items.map((employer: { id: string }) => employer.id)).toContain(organisationId);
    await http()
      .get('/api/v1/employers')
      .query({ memberState: 'NL' })
      .auth(ncpDe.accessToken, { type: 'bearer' })
      .expect(403);
    // Filters left out are no conditions: an NCP sees its state's employers in every status, an
    // administrator every state's; a well-formed code of no Member State lists nobody.
    const ownState = await http().get('/api/v1/employers').auth(ncpNl.accessToken, { type: 'bearer' }).expect(200);
    expect(ownState.body.items.map((employer: { id: string }) => employer.id)).toContain(organisationId);
    expect(new Set(ownState.body.items.map((employer: { memberState: string }) => employer.memberState))).toEqual(new Set(['NL']));
    const everyState = await http().get('/api/v1/employers').query({ limit: 100 }).auth(admin.accessToken, { type: 'bearer' }).expect(200);
    expect(everyState.body.items.map((employer: { id: string }) => employer.id)).toContain(organisationId);
    const pending = await http().get('/api/v1/employers').query({ status: 'pending' }).auth(admin.accessToken, { type: 'bearer' }).expect(200);
    expect(pending.body.items.map((employer: { id: string }) => employer.id)).not.toContain(organisationId);
    const nowhere = await http().get('/api/v1/employers').query({ memberState: 'ZZ' }).auth(admin.accessToken, { type: 'bearer' }).expect(200);
    expect(nowhere.body.items).toEqual([]);
  });

  it('suspends reversibly, removes finally, and audits every transition with its reason', async () => {
    const { organisationId } = await employers.verified(ncpNl);
    const suspended = await employers.setStatus(ncpNl, organisationId, 'suspended', 'Complaint under review');
    expect(suspended.body).toMatchObject({ status: 'suspended', statusReason: 'Complaint under review' });
    await employers.setStatus(ncpNl, organisationId, 'verified', 'Complaint unfounded').expect(200);
    await employers.setStatus(ncpNl, organisationId, 'removed', 'Breach of the rules').expect(200);
    const again = await employers.setStatus(ncpNl, organisationId, 'verified').expect(409);
    expect(again.body.error.code).toBe('INVALID_EMPLOYER_TRANSITION');
    expect(await auditActionsOf(dataSource, 'employer', organisationId)).toEqual([
      'employer.registered',
      'employer.verified',
      'employer.suspended',
      'employer.reinstated',
      'employer.removed',
    ]);
    const [reinstated] = await dataSource.query(
      `SELECT details FROM audit_events WHERE target_id = $1 AND action = 'employer.reinstated'`,
      [organisationId],
    );
    expect(reinstated.details).toMatchObject({
      from: 'suspended',
      to: 'verified',
      reason: 'Complaint unfounded',
    });
  });

  it('refuses registration numbers an NCP excluded, whatever their spelling', async () => {
    await http()
      .post('/api/v1/employer-exclusions')
      .auth(ncpDe.accessToken, { type: 'bearer' })
      .send({ memberState: 'NL', registrationNumber: 'KVK 99887766', reason: 'Breach' })
      .expect(403);
    await http()
      .post('/api/v1/employer-exclusions')
      .auth(ncpNl.accessToken, { type: 'bearer' })
      .send({
        memberState: 'NL',
        registrationNumber: 'KVK 99887766',
        reason: 'Repeated breaches of labour law',
      })
      .expect(201);
    const refused = await http()
      .post('/api/v1/employers')
      .send(registrationBody({ registrationNumber: 'kvk-9988.7766' }))
      .expect(403);
    expect(refused.body.error.code).toBe('REGISTRATION_NUMBER_EXCLUDED');
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'employer.registration_refused'`,
    );
    expect(n).toBeGreaterThanOrEqual(1);
  });
});

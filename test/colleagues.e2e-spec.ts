import { APP_CONFIG, type AppConfig } from '@app/config';
import { ORGANISATION_ACCOUNTS_SQL } from '@app/employers';
import { ReferenceDataSeeder } from '@app/reference-data';
import { ShortageSeeder } from '@app/shortage-occupations';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AccountFactory, uniqueEmail, type SignedInAccount } from './factories/account.factory';
import { EmployerFactory, type RegisteredEmployer } from './factories/employer.factory';
import { insertTaxonomyFixture, WELDER, WELDING_SKILL } from './factories/taxonomy.fixture';
import { closeApp, createApiApp } from './utils/api-app';
import { auditActionsOf } from './utils/audit';
import { truncateAll } from './utils/database';
import { clearRateLimits } from './utils/rate-limits';

const vacancy = {
  title: 'MIG/MAG welder',
  description: 'Welding of steel hull sections in a ship repair yard.',
  occupationUri: WELDER,
  placeOfWork: { city: 'Rotterdam' },
  contact: { name: 'Ana Lopes', email: 'jobs@werf.example.nl' },
  skills: [{ uri: WELDING_SKILL, requirement: 'essential' }],
};

describe('organisations with colleagues', () => {
  let sut: NestExpressApplication;
  let dataSource: DataSource;
  let accounts: AccountFactory;
  let employers: EmployerFactory;
  let ncp: SignedInAccount;
  let organisation: RegisteredEmployer;
  const http = () => request(sut.getHttpServer());
  const bearer = (account: SignedInAccount) => account.accessToken;

  const invite = (by: SignedInAccount, role: 'organisation_admin' | 'recruiter') =>
    accounts.colleague(by, role);

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    await sut.get(ReferenceDataSeeder).seed();
    await sut.get(ShortageSeeder).seed();
    await insertTaxonomyFixture(dataSource);
    accounts = new AccountFactory(sut);
    const admin = await accounts.admin();
    ncp = await accounts.ncp(admin, 'NL');
    employers = new EmployerFactory(sut, accounts);
    organisation = await employers.verified(ncp);
  });

  afterAll(() => closeApp(sut));

  it('lets every colleague work on the organisation’s vacancies, and no one outside it', async () => {
    const recruiter = await invite(organisation.user, 'recruiter');
    const byAdmin = await http()
      .post('/api/v1/vacancies')
      .auth(bearer(organisation.user), { type: 'bearer' })
      .send(vacancy)
      .expect(201);
    const id: string = byAdmin.body.id;
    await http().get(`/api/v1/vacancies/${id}`).auth(bearer(recruiter), { type: 'bearer' }).expect(200);
    await http()
      .put(`/api/v1/vacancies/${id}`)
      .auth(bearer(recruiter), { type: 'bearer' })
      .send({ ...vacancy, title: 'Welder (edited by a colleague)' })
      .expect(200);
    await http()
      .post(`/api/v1/vacancies/${id}/publish`)
      .auth(bearer(recruiter), { type: 'bearer' })
      .expect(200);
    const listed = await http()
      .get('/api/v1/vacancies')
      .auth(bearer(recruiter), { type: 'bearer' })
      .expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(id);

    const other = await employers.verified(ncp);
    const otherColleague = await invite(other.user, 'organisation_admin');
    for (const outsider of [other.user, otherColleague]) {
      const refused = await http().get(`/api/v1/vacancies/${id}`).auth(bearer(outsider), { type: 'bearer' });
      expect([403, 404]).toContain(refused.status);
      const edit = await http()
        .put(`/api/v1/vacancies/${id}`)
        .auth(bearer(outsider), { type: 'bearer' })
        .send(vacancy);
      expect([403, 404]).toContain(edit.status);
      const matches = await http()
        .get(`/api/v1/vacancies/${id}/matches`)
        .auth(bearer(outsider), { type: 'bearer' });
      expect([403, 404]).toContain(matches.status);
      const pipeline = await http()
        .get(`/api/v1/vacancies/${id}/pipeline`)
        .auth(bearer(outsider), { type: 'bearer' });
      expect([403, 404]).toContain(pipeline.status);
    }
    const colleagues = await http()
      .get('/api/v1/employers/me/colleagues?limit=1&offset=1')
      .auth(bearer(recruiter), { type: 'bearer' })
      .expect(200);
    expect(colleagues.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(colleagues.body.items[0]).toMatchObject({
      accountId: recruiter.id,
      role: 'recruiter',
      invitationAccepted: true,
    });
  });

  it('keeps colleague management to organisation administrators, and never removes the last one', async () => {
    const recruiter = await invite(organisation.user, 'recruiter');
    const pending = await http()
      .post('/api/v1/employers/me/colleagues')
      .auth(bearer(organisation.user), { type: 'bearer' })
      .send({ email: uniqueEmail('colleague'), role: 'recruiter' })
      .expect(201);
    expect(pending.body).toMatchObject({ role: 'recruiter', invitationAccepted: false });
    const taken = await http()
      .post('/api/v1/employers/me/colleagues')
      .auth(bearer(organisation.user), { type: 'bearer' })
      .send({ email: recruiter.email, role: 'recruiter' })
      .expect(409);
    expect(taken.body.error.code).toBe('EMAIL_TAKEN');
    const refused = await http()
      .post('/api/v1/employers/me/colleagues')
      .auth(bearer(recruiter), { type: 'bearer' })
      .send({ email: uniqueEmail('colleague'), role: 'recruiter' })
      .expect(403);
    expect(refused.body.error.code).toBe('NOT_ORGANISATION_ADMIN');
    await http()
      .delete(`/api/v1/employers/me/colleagues/${organisation.user.id}`)
      .auth(bearer(recruiter), { type: 'bearer' })
      .expect(403);

    const alone = await employers.verified(ncp);
    const demoteSelf = await http()
      .put(`/api/v1/employers/me/colleagues/${alone.user.id}/role`)
      .auth(bearer(alone.user), { type: 'bearer' })
      .send({ role: 'recruiter' })
      .expect(409);
    expect(demoteSelf.body.error.code).toBe('LAST_ORGANISATION_ADMIN');
    const removeSelf = await http()
      .delete(`/api/v1/employers/me/colleagues/${alone.user.id}`)
      .auth(bearer(alone.user), { type: 'bearer' })
      .expect(409);
    expect(removeSelf.body.error.code).toBe('LAST_ORGANISATION_ADMIN');
    const foreign = await http()
      .put(`/api/v1/employers/me/colleagues/${recruiter.id}/role`)
      .auth(bearer(alone.user), { type: 'bearer' })
      .send({ role: 'organisation_admin' })
      .expect(404);
    expect(foreign.body.error.code).toBe('COLLEAGUE_NOT_FOUND');

    const promoted = await http()
      .put(`/api/v1/employers/me/colleagues/${recruiter.id}/role`)
      .auth(bearer(organisation.user), { type: 'bearer' })
      .send({ role: 'organisation_admin' })
      .expect(200);
    expect(promoted.body.role).toBe('organisation_admin');
    const me = await http().get('/api/v1/me').auth(bearer(recruiter), { type: 'bearer' }).expect(200);
    expect(me.body.isOrganisationAdmin).toBe(true);
    await http()
      .put(`/api/v1/employers/me/colleagues/${recruiter.id}/role`)
      .auth(bearer(organisation.user), { type: 'bearer' })
      .send({ role: 'recruiter' })
      .expect(200);
    expect(await auditActionsOf(dataSource, 'account', recruiter.id)).toEqual(
      expect.arrayContaining(['employer.colleague_invited', 'employer.colleague_role_changed']),
    );
  });

  it('refuses a removed colleague’s still-valid access token at the very next request', async () => {
    const recruiter = await invite(organisation.user, 'recruiter');
    await http().get('/api/v1/vacancies').auth(bearer(recruiter), { type: 'bearer' }).expect(200);
    await http()
      .delete(`/api/v1/employers/me/colleagues/${recruiter.id}`)
      .auth(bearer(organisation.user), { type: 'bearer' })
      .expect(204);
    await http().get('/api/v1/vacancies').auth(bearer(recruiter), { type: 'bearer' }).expect(401);
    await http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: recruiter.refreshToken })
      .expect((response) => expect(response.status).toBeGreaterThanOrEqual(400));
    await http()
      .post('/api/v1/auth/login')
      .send({ email: recruiter.email, password: recruiter.password })
      .expect((response) => expect(response.status).toBeGreaterThanOrEqual(400));
    expect(await auditActionsOf(dataSource, 'account', recruiter.id)).toContain('employer.colleague_removed');
    const colleagues = await http()
      .get('/api/v1/employers/me/colleagues?limit=100')
      .auth(bearer(organisation.user), { type: 'bearer' })
      .expect(200);
    expect(colleagues.body.items.map((item: { accountId: string }) => item.accountId)).not.toContain(
      recruiter.id,
    );
  });

  it('publishes the accounts of an organisation for other libraries', async () => {
    const rows: { account_id: string; role: string }[] = await dataSource.query(
      `SELECT account_id, role FROM ${ORGANISATION_ACCOUNTS_SQL} oa WHERE oa.organisation_id = $1 ORDER BY role`,
      [organisation.organisationId],
    );
    expect(rows).toEqual(
      expect.arrayContaining([{ account_id: organisation.user.id, role: 'organisation_admin' }]),
    );
    expect(rows.every((row) => ['organisation_admin', 'recruiter'].includes(row.role))).toBe(true);
  });
});

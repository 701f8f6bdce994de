import { APP_CONFIG, loadConfig, type AppConfig } from '@app/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { AccountFactory, strongPassword, uniqueEmail } from './factories/account.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { clearRateLimits } from './utils/rate-limits';
import { waitFor } from './utils/wait-for';

describe('identity', () => {
  let sut: NestExpressApplication;
  let worker: TestingModule;
  let config: AppConfig;
  let dataSource: DataSource;
  let accounts: AccountFactory;
  const http = () => request(sut.getHttpServer());

  beforeAll(async () => {
    sut = await createApiApp();
    config = sut.get<AppConfig>(APP_CONFIG);
    dataSource = sut.get<DataSource>(getDataSourceToken());
    accounts = new AccountFactory(sut);
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
  });

  beforeEach(() => clearRateLimits(config));

  afterAll(async () => {
    await worker?.close();
    await closeApp(sut);
  });

  async function auditActions(accountId: string): Promise<string[]> {
    const rows: { action: string }[] = await dataSource.query(
      `SELECT action FROM audit_events WHERE target_type = 'account' AND target_id = $1 ORDER BY id`,
      [accountId],
    );
    return rows.map((row) => row.action);
  }

  it('registers, verifies by the mailed link, signs in, refreshes and signs out', async () => {
    const email = uniqueEmail('flow');
    const password = strongPassword();
    const registered = await http()
      .post('/api/v1/auth/register')
      .send({ email: `  ${email.toUpperCase()} `, password })
      .expect(202);
    expect(registered.body).toEqual({ status: 'accepted', message: expect.any(String) });

    const [message]: { id: string }[] = await dataSource.query(
      `SELECT id FROM mail_messages WHERE to_address = $1 AND template = 'identity.verify-email'`,
      [email],
    );
    const delivered = await accounts.mailboxFile(message.id);
    expect(delivered).toMatchObject({ to: email, subject: 'Confirm your email address' });
    const token = /token=([A-Za-z0-9_-]+)/.exec(delivered.text)?.[1];
    // The mailbox file is written inside the delivery transaction, so the row may still be committing.
    const stored = await waitFor(
      async () => {
        const [row]: { text_body: string | null; sent_at: Date | null }[] = await dataSource.query(
          'SELECT text_body, sent_at FROM mail_messages WHERE id = $1',
          [message.id],
        );
        return row?.sent_at ? row : undefined;
      },
      { timeoutMs: 30_000, what: 'the delivered mail to be marked sent' },
    );
    expect(stored).toEqual({ text_body: null, sent_at: expect.any(Date) });
    await rm(join(config.mail.mailboxDir, `${message.id}.json`));

    const early = await http().post('/api/v1/auth/login').send({ email, password }).expect(403);
    expect(early.body.error.code).toBe('EMAIL_NOT_VERIFIED');

    await http().post('/api/v1/auth/verify-email').send({ token }).expect(204);
    const again = await http().post('/api/v1/auth/verify-email').send({ token }).expect(400);
    expect(again.body.error.code).toBe('INVALID_OR_EXPIRED_TOKEN');

    const login = await http().post('/api/v1/auth/login').send({ email, password }).expect(200);
    expect(login.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: config.auth.accessTokenTtlSeconds,
      refreshToken: expect.any(String),
    });
    const me = await http().get('/api/v1/me').auth(login.body.accessToken, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({ email, role: 'candidate', emailVerified: true, memberState: null });
    expect(me.body).not.toHaveProperty('passwordHash');

    const refreshed = await http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: login.body.refreshToken })
      .expect(200);
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
    await http().get('/api/v1/me').auth(refreshed.body.accessToken, { type: 'bearer' }).expect(200);

    await http().post('/api/v1/auth/logout').send({ refreshToken: refreshed.body.refreshToken }).expect(204);
    const signedOut = await http()
      .get('/api/v1/me')
      .auth(refreshed.body.accessToken, { type: 'bearer' })
      .expect(401);
    expect(signedOut.body.error.code).toBe('INVALID_ACCESS_TOKEN');
    await http().post('/api/v1/auth/refresh').send({ refreshToken: refreshed.body.refreshToken }).expect(401);

    expect(await auditActions(me.body.id)).toEqual([
      'account.registered',
      'auth.login_failed',
      'account.email_verified',
      'auth.login_succeeded',
      'auth.logout',
    ]);
  });

  it('answers a registration for a taken address like any other, and mails the owner instead', async () => {
    const candidate = await accounts.candidate();
    const response = await http()
      .post('/api/v1/auth/register')
      .send({ email: candidate.email, password: strongPassword() })
      .expect(202);
    expect(response.body.status).toBe('accepted');
    const mails: { template: string }[] = await dataSource.query(
      'SELECT template FROM mail_messages WHERE to_address = $1 ORDER BY created_at',
      [candidate.email],
    );
    expect(mails.map((mail) => mail.template)).toEqual([
      'identity.verify-email',
      'identity.already-registered',
    ]);
  });

  it('refuses weak passwords with every broken rule', async () => {
    const email = uniqueEmail('weak');
    const response = await http()
      .post('/api/v1/auth/register')
      .send({ email, password: 'Password1!' })
      .expect(400);
    expect(response.body.error.code).toBe('WEAK_PASSWORD');
    expect(response.body.error.details).toEqual([{ field: 'password', reason: 'is too common' }]);
  });

  it('revokes the whole family when a rotated refresh token is presented again', async () => {
    const candidate = await accounts.candidate();
    const first = await http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: candidate.refreshToken })
      .expect(200);

    const replay = await http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: candidate.refreshToken })
      .expect(401);
    expect(replay.body.error.code).toBe('REFRESH_TOKEN_REUSED');

    const successor = await http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.body.refreshToken })
      .expect(401);
    expect(successor.body.error.code).toBe('INVALID_REFRESH_TOKEN');
    await http().get('/api/v1/me').auth(first.body.accessToken, { type: 'bearer' }).expect(401);
    expect(await auditActions(candidate.id)).toContain('auth.refresh_token_reused');

    const other = await accounts.login(candidate.email, candidate.password);
    await http().get('/api/v1/me').auth(other.accessToken, { type: 'bearer' }).expect(200);
  });

  it('resets a forgotten password by the mailed link and ends every session', async () => {
    const candidate = await accounts.candidate();
    const unknown = await http()
      .post('/api/v1/auth/password-reset/request')
      .send({ email: uniqueEmail('nobody') })
      .expect(202);
    const known = await http()
      .post('/api/v1/auth/password-reset/request')
      .send({ email: candidate.email })
      .expect(202);
    expect(known.body).toEqual(unknown.body);

    const token = await accounts.mailedToken(candidate.email, 'identity.password-reset');
    const weak = await http()
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, password: 'short' })
      .expect(400);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');

    const password = strongPassword();
    await http().post('/api/v1/auth/password-reset/confirm').send({ token, password }).expect(204);
    await http().post('/api/v1/auth/password-reset/confirm').send({ token, password }).expect(400);
    await http().get('/api/v1/me').auth(candidate.accessToken, { type: 'bearer' }).expect(401);
    await http()
      .post('/api/v1/auth/login')
      .send({ email: candidate.email, password: candidate.password })
      .expect(401);
    await accounts.login(candidate.email, password);
    expect(await auditActions(candidate.id)).toEqual(
      expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset_completed']),
    );
  });

  it('changes the password with the current one and ends the other sessions only', async () => {
    const candidate = await accounts.candidate();
    const other = await accounts.login(candidate.email, candidate.password);
    const wrong = await http()
      .post('/api/v1/auth/password/change')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ currentPassword: 'not the password', newPassword: strongPassword() })
      .expect(400);
    expect(wrong.body.error.code).toBe('CURRENT_PASSWORD_INCORRECT');

    const newPassword = strongPassword();
    await http()
      .post('/api/v1/auth/password/change')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ currentPassword: candidate.password, newPassword })
      .expect(204);
    await http().get('/api/v1/me').auth(candidate.accessToken, { type: 'bearer' }).expect(200);
    await http().get('/api/v1/me').auth(other.accessToken, { type: 'bearer' }).expect(401);
    await accounts.login(candidate.email, newPassword);
    expect(await auditActions(candidate.id)).toContain('auth.password_changed');
  });

  it('locks an account out with 429 and Retry-After after repeated failed sign-ins', async () => {
    const candidate = await accounts.candidate();
    for (let attempt = 0; attempt < config.auth.rateLimits.loginFailuresPerAccount; attempt += 1) {
      const failed = await http()
        .post('/api/v1/auth/login')
        .send({ email: candidate.email, password: `wrong-${attempt}-password` })
        .expect(401);
      expect(failed.body.error.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await http()
      .post('/api/v1/auth/login')
      .send({ email: candidate.email, password: candidate.password })
      .expect(429);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(config.auth.rateLimits.windowSeconds);
    expect(locked.body.error).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      requestId: locked.headers['x-request-id'],
    });
    const failures: { details: { reason: string } }[] = await dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'auth.login_failed' AND target_id = $1`,
      [candidate.id],
    );
    expect(failures.map((row) => row.details)).toEqual(
      Array.from({ length: config.auth.rateLimits.loginFailuresPerAccount }, () => ({
        reason: 'bad_credentials',
      })),
    );
  });

  it('counts failures for unknown accounts too, so they look the same', async () => {
    const email = uniqueEmail('ghost');
    for (let attempt = 0; attempt < config.auth.rateLimits.loginFailuresPerAccount; attempt += 1) {
      const failed = await http()
        .post('/api/v1/auth/login')
        .send({ email, password: 'whatever-it-is' })
        .expect(401);
      expect(failed.body.error.code).toBe('INVALID_CREDENTIALS');
    }
    await http().post('/api/v1/auth/login').send({ email, password: 'whatever-it-is' }).expect(429);
  });

  it('limits password reset requests per account', async () => {
    const email = uniqueEmail('reset-spam');
    for (let attempt = 0; attempt < config.auth.rateLimits.passwordResetsPerAccount; attempt += 1) {
      await http().post('/api/v1/auth/password-reset/request').send({ email }).expect(202);
    }
    const limited = await http().post('/api/v1/auth/password-reset/request').send({ email }).expect(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
  });
});

describe('identity with tight per-IP limits', () => {
  let sut: NestExpressApplication;
  const http = () => request(sut.getHttpServer());

  beforeAll(async () => {
    const config = loadConfig({ ...process.env, REGISTRATIONS_PER_IP: '2', LOGIN_FAILURES_PER_IP: '3' });
    sut = await createApiApp({
      override: (builder) => builder.overrideProvider(APP_CONFIG).useValue(config),
    });
    await clearRateLimits(config);
  });

  afterAll(() => closeApp(sut));

  it('limits registrations per IP address', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await http()
        .post('/api/v1/auth/register')
        .send({ email: uniqueEmail('burst'), password: strongPassword() })
        .expect(202);
    }
    const limited = await http()
      .post('/api/v1/auth/register')
      .send({ email: uniqueEmail('burst'), password: strongPassword() })
      .expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits failed sign-ins per IP address across accounts', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await http()
        .post('/api/v1/auth/login')
        .send({ email: uniqueEmail('spray'), password: 'spray-attempt-pw' })
        .expect(401);
    }
    await http()
      .post('/api/v1/auth/login')
      .send({ email: uniqueEmail('spray'), password: 'spray-attempt-pw' })
      .expect(429);
  });
});

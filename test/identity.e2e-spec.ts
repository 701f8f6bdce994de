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

  async function mailId(template: string, to: string): Promise<string> {
    const [row]: { id: string }[] = await dataSource.query(
      'SELECT id FROM mail_messages WHERE template = $1 AND to_address = $2 ORDER BY created_at DESC LIMIT 1',
      [template, to],
    );
    return row.id;
  }

  async function auditActions(accountId: string): Promise<string[]> {
    const rows: { action: string }[] = await dataSource.query(
      `SELECT action FROM audit_events WHERE target_type = 'account' AND target_id = $1 ORDER BY id`,
      [accountId],
    );
    return rows.map((row) => row.action);
  }

  it('registers an address, lets its holder choose the password by the mailed link, signs in, refreshes and signs out', async () => {
    const email = uniqueEmail('flow');
    const password = strongPassword();
    const registered = await http()
      .post('/api/v1/auth/register')
      .send({ email: `  ${email.toUpperCase()} ` })
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
      { what: 'the delivered mail to be marked sent' },
    );
    expect(stored).toEqual({ text_body: null, sent_at: expect.any(Date) });
    await rm(join(config.mail.mailboxDir, `${message.id}.json`));

    // No password exists before the holder of the mailbox chooses one.
    const early = await http().post('/api/v1/auth/login').send({ email, password }).expect(401);
    expect(early.body.error.code).toBe('INVALID_CREDENTIALS');

    const weak = await http()
      .post('/api/v1/auth/verify-email')
      .send({ token, password: 'Password1!' })
      .expect(400);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    await http().post('/api/v1/auth/verify-email').send({ token, password }).expect(204);
    const again = await http().post('/api/v1/auth/verify-email').send({ token, password }).expect(400);
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

  it('lets only the holder of the mailbox set the password of a registration', async () => {
    const email = uniqueEmail('hijack');
    const chosenByOther = strongPassword();
    // Nobody can attach a password to an address at registration.
    const withPassword = await http()
      .post('/api/v1/auth/register')
      .send({ email, password: chosenByOther })
      .expect(400);
    expect(withPassword.body.error.code).toBe('VALIDATION_FAILED');
    await http().post('/api/v1/auth/register').send({ email }).expect(202);

    const ownPassword = strongPassword();
    const token = await accounts.mailedToken(email, 'identity.verify-email');
    await http().post('/api/v1/auth/verify-email').send({ token, password: ownPassword }).expect(204);
    await http().post('/api/v1/auth/login').send({ email, password: chosenByOther }).expect(401);
    await http().post('/api/v1/auth/login').send({ email, password: ownPassword }).expect(200);
  });

  it('answers a sign-in after registering the same whether or not the address had an account', async () => {
    const candidate = await accounts.candidate();
    const free = uniqueEmail('free');
    const answers = [];
    for (const email of [free, candidate.email]) {
      await http().post('/api/v1/auth/register').send({ email }).expect(202);
      const response = await http()
        .post('/api/v1/auth/login')
        .send({ email, password: strongPassword() })
        .expect(401);
      answers.push({ ...response.body.error, requestId: undefined });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0].code).toBe('INVALID_CREDENTIALS');
  });

  it('answers a registration for a taken address like any other, and mails the owner a link without a token', async () => {
    const candidate = await accounts.candidate();
    const response = await http().post('/api/v1/auth/register').send({ email: candidate.email }).expect(202);
    expect(response.body.status).toBe('accepted');
    const mails: { template: string; text_body: string | null }[] = await dataSource.query(
      'SELECT template, text_body FROM mail_messages WHERE to_address = $1 ORDER BY created_at',
      [candidate.email],
    );
    expect(mails.map((mail) => mail.template)).toEqual([
      'identity.verify-email',
      'identity.already-registered',
    ]);
    const [, notice] = mails;
    const text =
      notice.text_body ?? (await accounts.mailboxFile(await mailId(notice.template, candidate.email))).text;
    expect(text).toContain('/forgot-password');
    expect(text).not.toContain('token=');
  });

  it('voids neither a pending password-reset link nor an invitation when someone registers the address', async () => {
    const candidate = await accounts.candidate();
    await http().post('/api/v1/auth/password-reset/request').send({ email: candidate.email }).expect(202);
    const resetToken = await accounts.mailedToken(candidate.email, 'identity.password-reset');

    const admin = await accounts.admin();
    const ncpEmail = uniqueEmail('invited');
    await http()
      .post('/api/v1/admin/accounts/ncp')
      .auth(admin.accessToken, { type: 'bearer' })
      .send({ email: ncpEmail, memberState: 'FR' })
      .expect(201);
    const invitation = await accounts.mailedToken(ncpEmail, 'identity.invitation');

    for (const email of [candidate.email, ncpEmail]) {
      await http().post('/api/v1/auth/register').send({ email }).expect(202);
    }
    // A reset requested by anyone for the invited address leaves the invitation alone too.
    await http().post('/api/v1/auth/password-reset/request').send({ email: ncpEmail }).expect(202);
    await accounts.mailedToken(ncpEmail, 'identity.password-reset');

    const candidatePassword = strongPassword();
    await http()
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token: resetToken, password: candidatePassword })
      .expect(204);
    await accounts.login(candidate.email, candidatePassword);
    const ncpPassword = strongPassword();
    await http()
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token: invitation, password: ncpPassword })
      .expect(204);
    await accounts.login(ncpEmail, ncpPassword);
  });

  it('refuses weak passwords with every broken rule', async () => {
    const email = uniqueEmail('weak');
    await http().post('/api/v1/auth/register').send({ email }).expect(202);
    const token = await accounts.mailedToken(email, 'identity.verify-email');
    const response = await http()
      .post('/api/v1/auth/verify-email')
      .send({ token, password: 'Password1!' })
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
    // Both requests did the same thing while answering: one queued job; the mail is the worker's.
    const queued = (requestId: string) =>
      dataSource.query<{ job_name: string; payload: Record<string, unknown> }[]>(
        `SELECT job_name, payload FROM outbox_messages WHERE payload->>'requestId' = $1`,
        [requestId],
      );
    expect(await queued(unknown.headers['x-request-id'])).toEqual([
      {
        job_name: 'identity.password-reset',
        payload: { accountId: null, requestId: unknown.headers['x-request-id'] },
      },
    ]);
    expect(await queued(known.headers['x-request-id'])).toEqual([
      {
        job_name: 'identity.password-reset',
        payload: { accountId: candidate.id, requestId: known.headers['x-request-id'] },
      },
    ]);

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

  it('makes a source wait (429 with Retry-After) after repeated failed sign-ins to an account', async () => {
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
  let config: AppConfig;
  const http = () => request(sut.getHttpServer());

  beforeAll(async () => {
    config = loadConfig({ ...process.env, REGISTRATIONS_PER_IP: '2', LOGIN_FAILURES_PER_IP: '3' });
    sut = await createApiApp({
      override: (builder) => builder.overrideProvider(APP_CONFIG).useValue(config),
    });
  });

  beforeEach(() => clearRateLimits(config));

  afterAll(() => closeApp(sut));

  it('limits registrations per IP address', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await http()
        .post('/api/v1/auth/register')
        .send({ email: uniqueEmail('burst') })
        .expect(202);
    }
    const limited = await http()
      .post('/api/v1/auth/register')
      .send({ email: uniqueEmail('burst') })
      .expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('does not believe X-Forwarded-For from a client that is not a configured proxy', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `203.0.113.${attempt + 1}`)
        .send({ email: uniqueEmail('forwarded'), password: 'spray-attempt-pw' })
        .expect(401);
    }
    await http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '203.0.113.99')
      .send({ email: uniqueEmail('forwarded'), password: 'spray-attempt-pw' })
      .expect(429);
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

describe('identity behind a trusted proxy', () => {
  let sut: NestExpressApplication;
  let config: AppConfig;
  let accounts: AccountFactory;
  const http = () => request(sut.getHttpServer());
  const from = (address: string) => ({ 'X-Forwarded-For': address });

  beforeAll(async () => {
    config = loadConfig({ ...process.env, TRUSTED_PROXIES: 'loopback' });
    sut = await createApiApp({
      override: (builder) => builder.overrideProvider(APP_CONFIG).useValue(config),
    });
    accounts = new AccountFactory(sut);
  });

  beforeEach(() => clearRateLimits(config));

  afterAll(() => closeApp(sut));

  it('throttles failed sign-ins per account and source, so the owner still signs in from elsewhere', async () => {
    const candidate = await accounts.candidate();
    const attacker = from('203.0.113.7');
    for (let attempt = 0; attempt < config.auth.rateLimits.loginFailuresPerAccount; attempt += 1) {
      await http()
        .post('/api/v1/auth/login')
        .set(attacker)
        .send({ email: candidate.email, password: `wrong-${attempt}-password` })
        .expect(401);
    }
    const waiting = await http()
      .post('/api/v1/auth/login')
      .set(attacker)
      .send({ email: candidate.email, password: candidate.password })
      .expect(429);
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    await http()
      .post('/api/v1/auth/login')
      .set(from('198.51.100.9'))
      .send({ email: candidate.email, password: candidate.password })
      .expect(200);
  });
});

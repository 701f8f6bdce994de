import { APP_CONFIG, type AppConfig } from '@app/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { AccountFactory, strongPassword, uniqueEmail } from './factories/account.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { clearRateLimits } from './utils/rate-limits';
import { waitFor } from './utils/wait-for';

interface Delivered {
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

/**
 * Identity mails in the reader's language: the page a candidate registers (or asks for a new
 * password) on names its language; the mail is written in it and links to the web page in it, and the
 * language becomes the account's mail language, the one `/me/notification-preferences` shows.
 */
describe('identity mails in the reader’s language', () => {
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

  async function delivered(template: string, to: string): Promise<Delivered> {
    const id = await waitFor(
      async () => {
        const [row]: { id: string }[] = await dataSource.query(
          'SELECT id FROM mail_messages WHERE template = $1 AND to_address = $2 ORDER BY created_at DESC LIMIT 1',
          [template, to],
        );
        return row?.id;
      },
      { what: `a ${template} mail` },
    );
    return (await accounts.mailboxFile(id));
  }

  async function register(language?: string): Promise<{ email: string; mail: Delivered }> {
    const email = uniqueEmail(`lang-${language ?? 'none'}`);
    await http()
      .post('/api/v1/auth/register')
      .send({ email, ...(language ? { language } : {}) })
      .expect(202);
    return { email, mail: await delivered('identity.verify-email', email) };
  }

  const linkIn = (mail: Delivered) => /https?:\/\/\S+/.exec(mail.text)?.[0] ?? '';

  it('writes the verification mail of a French registration in French, linking to the French page, and keeps French as the mail language', async () => {
    const { email, mail } = await register('fr');
    expect(mail.subject).toBe('Confirmez votre adresse e-mail');
    expect(mail.text).toContain('Bienvenue dans l’EU Talent Pool.');
    expect(mail.headers).toMatchObject({ 'Content-Language': 'fr' });
    const link = linkIn(mail);
    expect(link.startsWith(`${config.mail.publicUrl}/fr/verify-email?token=`)).toBe(true);

    const token = new URL(link).searchParams.get('token');
    const password = strongPassword();
    await http().post('/api/v1/auth/verify-email').send({ token, password }).expect(204);
    const { accessToken } = await accounts.login(email, password);
    const preferences = await http()
      .get('/api/v1/me/notification-preferences')
      .auth(accessToken, { type: 'bearer' })
      .expect(200);
    expect(preferences.body.language).toBe('fr');
  });

  it('writes an Arabic registration’s mail in Arabic, linking to the Arabic page', async () => {
    const { mail } = await register('ar');
    expect(mail.subject).toBe('أكّد عنوان بريدك الإلكتروني');
    expect(mail.text).toContain('مرحبًا بك في EU Talent Pool.');
    expect(mail.headers).toMatchObject({ 'Content-Language': 'ar' });
    expect(linkIn(mail).startsWith(`${config.mail.publicUrl}/ar/verify-email?token=`)).toBe(true);
  });

  it('keeps English and the language-less link when the registration names no language', async () => {
    const { mail } = await register();
    expect(mail.subject).toBe('Confirm your email address');
    expect(linkIn(mail).startsWith(`${config.mail.publicUrl}/verify-email?token=`)).toBe(true);
  });

  it('refuses a language the mails are not written in', async () => {
    const response = await http()
      .post('/api/v1/auth/register')
      .send({ email: uniqueEmail('lang-de'), language: 'de' })
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('does not let a registration naming an existing address change its owner’s mail language', async () => {
    const { email, mail } = await register('es');
    const token = new URL(linkIn(mail)).searchParams.get('token');
    const password = strongPassword();
    await http().post('/api/v1/auth/verify-email').send({ token, password }).expect(204);
    await http().post('/api/v1/auth/register').send({ email, language: 'ar' }).expect(202);
    const taken = await delivered('identity.already-registered', email);
    // The one who typed the address reads the page's language; the account keeps its own.
    expect(taken.subject).toBe('لديك حساب بالفعل');
    expect(linkIn(taken)).toBe(`${config.mail.publicUrl}/ar/forgot-password`);
    const { accessToken } = await accounts.login(email, password);
    const preferences = await http()
      .get('/api/v1/me/notification-preferences')
      .auth(accessToken, { type: 'bearer' })
      .expect(200);
    expect(preferences.body.language).toBe('es');
  });

  it('writes the reset mail in the language of the page that asked, linking to that page', async () => {
    const account = await accounts.candidate();
    await http().post('/api/v1/auth/password-reset/request').send({ email: account.email, language: 'es' }).expect(202);
    const mail = await delivered('identity.password-reset', account.email);
    expect(mail.subject).toBe('Elija una nueva contraseña');
    expect(linkIn(mail).startsWith(`${config.mail.publicUrl}/es/reset-password?token=`)).toBe(true);
  });
});

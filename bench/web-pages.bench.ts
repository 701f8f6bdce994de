import 'reflect-metadata';
import { ReferenceDataSeeder } from '@app/reference-data';
import { VacancyIndexer } from '@app/vacancies';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { type Browser, chromium, type Cookie } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { ApiModule } from '../apps/api/src/api.module';
import { configureApi } from '../apps/api/src/configure-api';
import { configureWeb } from '../apps/web/src/configure-web';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { WebModule } from '../apps/web/src/web.module';
import { startIsolatedRun } from './support/isolated-run';

/**
 * Each page's weight and first load on a slow mobile connection: a fresh browser context (empty cache)
 * per page, Chrome's network throttled through the DevTools protocol to 1.6 Mbit/s down, 750 kbit/s up
 * and 150 ms of latency, as on a 3G phone. Transferred bytes are what went over the wire (compressed
 * bodies and headers) for the HTML, CSS, JavaScript and images of the page. Budget: 150 KB a page.
 * Run with `npm run bench:web`.
 */
const PAGES = ['/en/', '/ar/', '/fr/eligibility', '/en/register', '/ar/sign-in', '/en/forgot-password', '/fr/verify-email?token=x', '/en/jobs', '/ar/jobs'];
/** The same, signed in as a candidate seeded through the API (the session cookie is all a fresh context shares). */
const SIGNED_IN_PAGES = [
  '/en/candidate',
  '/en/candidate/profile/1',
  '/en/candidate/profile/2',
  '/en/candidate/profile/3',
  '/ar/candidate/profile/4',
  '/fr/candidate/profile/5',
  '/en/candidate/matches',
  '/ar/candidate/matches',
  '/en/jobs',
  '/en/candidate/contacts',
  '/en/candidate/notifications',
  '/ar/candidate/notifications',
  '/en/candidate/consents',
  '/en/candidate/account',
];
const BUDGET_BYTES = 150 * 1024;
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

async function main(): Promise<void> {
  const { dispose } = await startIsolatedRun('web');
  execFileSync(process.execPath, [join(__dirname, '../tools/build-web-assets.mjs')], { stdio: 'inherit' });
  const api = await NestFactory.create<NestExpressApplication>(ApiModule, { logger: ['error', 'warn'] });
  configureApi(api);
  await api.listen(0, '127.0.0.1');
  await api.get(ReferenceDataSeeder).seed();
  // The job search answers from the vacancies index, which the worker creates.
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
  await worker.get(VacancyIndexer).rebuild();
  await worker.close();
  process.env.WEB_API_URL = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
  const web = await NestFactory.create<NestExpressApplication>(WebModule, { logger: ['error', 'warn'] });
  configureWeb(web);
  await web.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(web.getHttpServer().address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    process.stdout.write(`page weight and first load at 1.6 Mbit/s, 150 ms latency (budget ${BUDGET_BYTES / 1024} KB)\n`);
    process.stdout.write(`${'page'.padEnd(44)} ${'requests'.padStart(8)} ${'transferred'.padStart(12)} ${'html'.padStart(8)} ${'css'.padStart(8)} ${'js'.padStart(8)} ${'load'.padStart(8)}\n`);
    for (const path of PAGES) await measure(browser, base, path);
    const cookies = await signedInCookies(browser, base, await seedCandidate(api));
    for (const path of SIGNED_IN_PAGES) await measure(browser, base, path, cookies, 'signed in');
  } finally {
    await browser.close();
    await web.close();
    await api.close();
    await dispose();
  }
}

/** One page in a fresh context (empty cache), on the throttled connection; one line of the table. */
async function measure(browser: Browser, base: string, path: string, cookies: Cookie[] = [], note = ''): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  await context.addCookies(cookies);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  const types = new Map<string, string>();
  const bytes = { total: 0, html: 0, css: 0, js: 0, requests: 0 };
  cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
  cdp.on('Network.loadingFinished', (event) => {
    const type = types.get(event.requestId);
    bytes.total += event.encodedDataLength;
    bytes.requests += 1;
    if (type === 'Document') bytes.html += event.encodedDataLength;
    if (type === 'Stylesheet') bytes.css += event.encodedDataLength;
    if (type === 'Script') bytes.js += event.encodedDataLength;
  });
  const started = performance.now();
  const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
  const loadMs = performance.now() - started;
  // A signed-in page that sent the browser to the sign-in form would be measuring the wrong page.
  if (cookies.length && new URL(page.url()).pathname !== path.replace(/\?.*$/, '')) throw new Error(`${path} led to ${page.url()}`);
  if (!response?.ok()) throw new Error(`${path} answered ${response?.status()}`);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const label = note ? `${path} (${note})` : path;
  const over = bytes.total > BUDGET_BYTES ? '  OVER BUDGET' : '';
  process.stdout.write(
    `${label.padEnd(44)} ${String(bytes.requests).padStart(8)} ${kb(bytes.total).padStart(12)} ${kb(bytes.html).padStart(8)} ${kb(bytes.css).padStart(8)} ${kb(bytes.js).padStart(8)} ${`${(loadMs / 1000).toFixed(2)} s`.padStart(8)}${over}\n`,
  );
  await context.close();
}

/**
 * A candidate through the API's own flow: registration, the mailed verification token (read from the
 * mail table, as the local mailbox would show it), a password, then the candidate profile.
 */
async function seedCandidate(api: NestExpressApplication): Promise<{ email: string; password: string }> {
  const apiUrl = process.env.WEB_API_URL!;
  const email = `bench-web-${randomUUID().slice(0, 12)}@example.org`;
  const password = `Bench-${randomUUID()}-ok`;
  const call = async (method: string, path: string, body: unknown, token?: string): Promise<Response> => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return response;
  };
  await call('POST', '/api/v1/auth/register', { email });
  const dataSource = api.get<DataSource>(getDataSourceToken());
  let text = '';
  for (let attempt = 0; attempt < 60 && !text; attempt += 1) {
    const [row]: { text_body: string | null }[] = await dataSource.query(
      `SELECT text_body FROM mail_messages WHERE to_address = $1 AND template = 'identity.verify-email' ORDER BY created_at DESC LIMIT 1`,
      [email],
    );
    text = row?.text_body ?? '';
    if (!text) await delay(500);
  }
  const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error('no verification token for the seeded candidate');
  await call('POST', '/api/v1/auth/verify-email', { token, password });
  const { accessToken } = (await (await call('POST', '/api/v1/auth/login', { email, password })).json()) as { accessToken: string };
  await call(
    'POST',
    '/api/v1/candidates/me',
    { givenName: 'Amina', familyName: 'El Idrissi', dateOfBirth: '1995-04-12', residenceCountry: 'MA', citizenships: ['MA'], phone: '+212 6 12 34 56 78' },
    accessToken,
  );
  return { email, password };
}

/** Signs in through the web app's form once; its session cookie lets each measured context in. */
async function signedInCookies(browser: Browser, base: string, account: { email: string; password: string }): Promise<Cookie[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/en/sign-in`);
  await page.fill('#field-email', account.email);
  await page.fill('#field-password', account.password);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('main button[type=submit]').click()]);
  if (new URL(page.url()).pathname.endsWith('/sign-in')) throw new Error('the seeded candidate could not sign in');
  const cookies = await context.cookies();
  await context.close();
  return cookies;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

import 'reflect-metadata';
import { ReferenceDataSeeder } from '@app/reference-data';
import { VacancyIndexer } from '@app/vacancies';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
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
    process.stdout.write(`${'page'.padEnd(28)} ${'requests'.padStart(8)} ${'transferred'.padStart(12)} ${'html'.padStart(8)} ${'css'.padStart(8)} ${'js'.padStart(8)} ${'load'.padStart(8)}\n`);
    for (const path of PAGES) {
      const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
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
      await page.goto(`${base}${path}`, { waitUntil: 'load' });
      const loadMs = performance.now() - started;
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      const over = bytes.total > BUDGET_BYTES ? '  OVER BUDGET' : '';
      process.stdout.write(
        `${path.padEnd(28)} ${String(bytes.requests).padStart(8)} ${kb(bytes.total).padStart(12)} ${kb(bytes.html).padStart(8)} ${kb(bytes.css).padStart(8)} ${kb(bytes.js).padStart(8)} ${`${(loadMs / 1000).toFixed(2)} s`.padStart(8)}${over}\n`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await web.close();
    await api.close();
    await dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

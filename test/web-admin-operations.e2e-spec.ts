import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { ar } from '../apps/web/src/i18n/messages/ar';
import { en } from '../apps/web/src/i18n/messages/en';
import { AccountFactory, type SignedInAccount } from './factories/account.factory';
import { CandidateFactory, type RegisteredCandidate } from './factories/candidate.factory';
import { focusedId, launchBrowser, screenshots, type TestBrowser } from './utils/browser';
import { SETUP_TIMEOUT_MS } from './utils/deadlines';
import { drainQueues } from './utils/drain';
import { waitFor } from './utils/wait-for';
import { Walk } from './utils/web-journey';
import { startWebStack, type WebStack } from './utils/web-stack';

const ACTION_TIMEOUT_MS = 60_000;
const JOURNEY_TIMEOUT_MS = 900_000;
/** A job that fails on every run, whatever the state: its message id is not even a UUID. */
const FAILING_JOB_ID = 'web-admin-operations-failing-mail';
/** Every address of this spec's pages, the queue dashboard's own included. */
const ADMIN_ONLY = ['/en/admin/audit', '/en/admin/statistics', '/en/admin/jobs', '/en/admin/duplicates', '/en/admin/queues', '/admin/queues', '/admin/queues/api/queues'];

interface FailedJob {
  queue: string;
  name: string;
  id: string | null;
  failedAt: string | null;
}

/**
 * The administrator's operations pages in a browser, against the real API, worker and web front end:
 * the audit log with filters, statistics as charts with their tables, failed jobs with a retry, and
 * possible duplicate candidates, in English and in Arabic; other accounts and visitors are turned away.
 */
describe('web front end: the administrator’s operations pages', () => {
  let stack: WebStack;
  let chromium: TestBrowser;
  let browser: Browser;
  let admin: SignedInAccount;
  let twins: RegisteredCandidate[];

  const http = () => request(stack.api.getHttpServer());

  async function failedJob(): Promise<FailedJob | undefined> {
    const response = await http().get('/api/v1/admin/jobs/failed?limit=100').auth(admin.accessToken, { type: 'bearer' }).expect(200);
    return (response.body.items as FailedJob[]).find((job) => job.id === FAILING_JOB_ID);
  }

  beforeAll(async () => {
    stack = await startWebStack();
    const accounts = new AccountFactory(stack.api);
    admin = await accounts.admin();
    // Two candidates with the same phone number: a possible duplicate pair.
    const candidates = new CandidateFactory(stack.api);
    twins = [await candidates.active(), await candidates.active({ phone: '+212612345678' })];
    await drainQueues(stack.api, ['candidates']);
    await waitFor(
      async () => {
        const response = await http().get('/api/v1/admin/statistics/candidates').auth(admin.accessToken, { type: 'bearer' }).expect(200);
        return (response.body.count as number) >= 2;
      },
      { what: 'both candidates in the statistics' },
    );
    await stack.api
      .get<Queue>(getQueueToken('mail'))
      .add('mail.send', { messageId: 'not-a-uuid' }, { jobId: FAILING_JOB_ID, attempts: 1 });
    await waitFor(failedJob, { what: 'the failing job in the failed-jobs listing' });
    chromium = await launchBrowser();
    browser = chromium.browser;
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await chromium?.close();
    await stack?.close();
  });

  async function context(locale: string): Promise<BrowserContext> {
    const created = await browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: { 'accept-language': locale } });
    created.setDefaultTimeout(ACTION_TIMEOUT_MS);
    return created;
  }

  /** Signs in through the form; where signing in leads is another page's business. */
  async function signIn(page: Page, locale: string, account: { email: string; password: string }, submit: string): Promise<void> {
    await page.goto(`${stack.webUrl}/${locale}/sign-in`);
    await page.fill('#field-email', account.email);
    await page.fill('#field-password', account.password);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: submit }).click()]);
  }

  it('in English: filters the audit log, reads a chart and its table, retries a failed job and sees a duplicate pair', async () => {
    const ctx = await context('en');
    const walk = new Walk(await ctx.newPage(), 'admin-operations-en');
    const { page } = walk;
    const t = en.adminOperations;
    try {
      await signIn(page, 'en', admin, en.signIn.submit);

      // Failed jobs: the failing job is listed without its payload, and runs again on request.
      const before = await failedJob();
      await walk.goto(`${stack.webUrl}/en/admin/jobs`, 'jobs');
      const row = page.locator('main tr', { hasText: FAILING_JOB_ID });
      expect(await row.innerText()).toContain('mail.send');
      expect(await row.innerText()).toContain('uuid');
      await walk.press(new RegExp(`${t.jobs.retry}.*${FAILING_JOB_ID}`), 'jobs-retried');
      expect(await walk.text()).toContain(t.jobs.retried.replace('{{id}}', `mail.send ${FAILING_JOB_ID}`));
      // It really ran again: it failed anew, later than before.
      await waitFor(
        async () => {
          const again = await failedJob();
          return again?.failedAt && before?.failedAt && again.failedAt > before.failedAt;
        },
        { what: 'the retried job failing again' },
      );

      // The audit log: the retry is there, found by its action and its job (the log is append-only, so
      // other specs' retries stay in it); a bad filter is refused with the one error pattern.
      await walk.goto(`${stack.webUrl}/en/admin/audit`, 'audit');
      await page.fill('#field-action', 'job.retried');
      await page.fill('#field-targetId', `mail/${FAILING_JOB_ID}`);
      await page.fill('#field-from', new Date().toISOString().slice(0, 10));
      await walk.press(t.audit.apply, 'audit-filtered');
      const url = new URL(page.url());
      expect(url.searchParams.get('action')).toBe('job.retried');
      const rows = page.locator('#audit-events tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().innerText()).toContain(`mail/${FAILING_JOB_ID}`);
      await page.fill('#field-actor', 'someone');
      await walk.press(t.audit.apply, 'audit-error');
      expect(await page.locator('#error-summary').innerText()).toContain(t.audit.badActor);
      expect(await focusedId(page, 'error-summary')).toBe('error-summary');

      // Statistics: a chart drawn on the server, named and described, with its figures as a table.
      await walk.goto(`${stack.webUrl}/en/admin/statistics`, 'statistics');
      const chart = page.locator('#chart-residence-heading + svg[role="img"]');
      expect(await chart.getAttribute('aria-labelledby')).toBe('chart-residence-title chart-residence-desc');
      expect(await chart.locator('rect').count()).toBe(1);
      expect(await chart.locator('desc').textContent()).toContain('Morocco (2)');
      const table = page.locator('.etp-chart', { has: page.locator('#chart-residence-heading') }).locator('details');
      expect(await table.locator('table').isVisible()).toBe(false);
      await table.locator('summary').click();
      expect(await table.locator('tbody tr').innerText()).toMatch(/Morocco\s+2/);
      await walk.landed('statistics-table');

      // Possible duplicates: the two accounts sharing a number, oldest first.
      await walk.goto(`${stack.webUrl}/en/admin/duplicates`, 'duplicates');
      const group = page.locator('main section', { hasText: '+212612345678' });
      expect(await group.locator('tbody tr').allInnerTexts()).toEqual([expect.stringContaining(twins[0].referenceCode), expect.stringContaining(twins[1].referenceCode)]);

      // The queue dashboard (third party, left out of the axe checks): the console's link leads there,
      // its own script runs under its own, still same-host, content security policy.
      const dashboard = await page.goto(`${stack.webUrl}/en/admin/queues`);
      expect(new URL(page.url()).pathname).toBe('/admin/queues');
      expect(dashboard?.request().redirectedFrom()?.url()).toBe(`${stack.webUrl}/en/admin/queues`);
      await page.locator('#root').getByText('search-indexing').first().waitFor();
      await screenshots(page, 'admin-operations-en-queues');
      const policy = (await page.request.get(`${stack.webUrl}/admin/queues`)).headers()['content-security-policy'];
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-eval');
      const queues = await page.request.get(`${stack.webUrl}/admin/queues/api/queues`);
      expect(queues.status()).toBe(200);
      expect(JSON.stringify(await queues.json())).toContain('"name":"mail"');
      // Its changes are accepted only from this site's own pages.
      const forged = await page.request.put(`${stack.webUrl}/admin/queues/api/queues/mail/pause`, { headers: { origin: 'https://elsewhere.example' } });
      expect(forged.status()).toBe(403);
      // Every other page keeps the strict policy.
      expect((await page.request.get(`${stack.webUrl}/en/admin/jobs`)).headers()['content-security-policy']).toContain("style-src 'self';");

      expect(await page.getAttribute('html', 'dir')).toBe('ltr');
      expect(walk.violations).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, JOURNEY_TIMEOUT_MS);

  it('in Arabic, right to left: every operations page, with the same checks', async () => {
    const ctx = await context('ar');
    const walk = new Walk(await ctx.newPage(), 'admin-operations-ar');
    const { page } = walk;
    try {
      await signIn(page, 'ar', admin, ar.signIn.submit);
      await walk.goto(`${stack.webUrl}/ar/admin/audit?action=job.retried&targetId=${encodeURIComponent(`mail/${FAILING_JOB_ID}`)}`, 'audit');
      expect(await page.locator('#audit-events tbody tr').count()).toBe(1);
      await walk.goto(`${stack.webUrl}/ar/admin/audit?from=2026-13-01`, 'audit-error');
      expect(await page.locator('#error-summary').innerText()).toContain(ar.adminOperations.audit.badDate);
      await walk.goto(`${stack.webUrl}/ar/admin/statistics`, 'statistics');
      for (const summary of await page.locator('main details summary').all()) await summary.click();
      await walk.landed('statistics-tables');
      expect(await page.locator('main svg[role="img"]').count()).toBeGreaterThanOrEqual(3);
      await walk.goto(`${stack.webUrl}/ar/admin/jobs`, 'jobs');
      expect(await walk.text()).toContain(FAILING_JOB_ID);
      await walk.goto(`${stack.webUrl}/ar/admin/duplicates`, 'duplicates');
      expect(await walk.text()).toContain(twins[1].referenceCode);
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      await page.goto(`${stack.webUrl}/ar/admin/queues`);
      await page.locator('#root').getByText('search-indexing').first().waitFor();
      await screenshots(page, 'admin-operations-ar-queues');
      expect(walk.violations).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, JOURNEY_TIMEOUT_MS);

  it('turns away visitors and other kinds of account, in the web app and in the API', async () => {
    const anonymous = await context('en');
    const candidate = await context('en');
    try {
      const visitor = await anonymous.newPage();
      for (const path of ADMIN_ONLY) {
        await visitor.goto(`${stack.webUrl}${path}`);
        expect(new URL(visitor.url()).pathname).toBe('/en/sign-in');
      }
      const page = await candidate.newPage();
      await signIn(page, 'en', twins[0], en.signIn.submit);
      for (const path of ADMIN_ONLY) {
        const response = await page.goto(`${stack.webUrl}${path}`);
        expect(response?.status()).toBe(403);
      }
      expect((await page.request.put(`${stack.webUrl}/admin/queues/api/queues/mail/pause`)).status()).toBe(403);
      await http().post(`/api/v1/admin/jobs/failed/mail/${FAILING_JOB_ID}/retry`).auth(twins[0].accessToken, { type: 'bearer' }).expect(403);
      const retried = await http().post(`/api/v1/admin/jobs/failed/mail/${FAILING_JOB_ID}/retry`).auth(admin.accessToken, { type: 'bearer' }).expect(200);
      expect(retried.body).toMatchObject({ queue: 'mail', name: 'mail.send', id: FAILING_JOB_ID });
      await http().post('/api/v1/admin/jobs/failed/mail/no-such-job/retry').auth(admin.accessToken, { type: 'bearer' }).expect(404);
      await http().post(`/api/v1/admin/jobs/failed/nowhere/${FAILING_JOB_ID}/retry`).auth(admin.accessToken, { type: 'bearer' }).expect(404);
    } finally {
      await anonymous.close();
      await candidate.close();
    }
  }, JOURNEY_TIMEOUT_MS);
});

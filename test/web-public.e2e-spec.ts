import { setTimeout as delay } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { UnsubscribeLinks } from '@app/notifications';
import request from 'supertest';
import { SessionStore } from '../apps/web/src/session/session.store';
import { CandidateFactory, ESCO } from './factories/candidate.factory';
import {
  accessibilityViolations,
  launchBrowser,
  newContext,
  screenshots,
  type TestBrowser,
  focusedId,
} from './utils/browser';
import { SETUP_TIMEOUT_MS } from './utils/deadlines';
import { startWebStack, type WebStack } from './utils/web-stack';

const PUBLIC_PAGES = [
  '/',
  '/eligibility',
  '/register',
  '/sign-in',
  '/forgot-password',
  '/verify-email?token=x',
  '/reset-password?token=x',
];

describe('web front end: public pages', () => {
  let stack: WebStack;
  let chromium: TestBrowser;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startWebStack();
    chromium = await launchBrowser();
    browser = chromium.browser;
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await chromium?.close();
    await stack?.close();
  });

  it.each(['en', 'fr', 'es', 'ar'])(
    'serves every public page in %s, accessible, from its own host only',
    async (locale) => {
      const { context, page, foreign } = await newContext(browser, stack.webUrl);
      try {
        for (const path of PUBLIC_PAGES) {
          const response = await page.goto(`${stack.webUrl}/${locale}${path}`);
          expect(response?.status()).toBe(200);
          expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
          expect(await page.getAttribute('html', 'lang')).toBe(locale);
          expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
          expect({ path, violations: await accessibilityViolations(page) }).toEqual({ path, violations: [] });
          if (locale === 'en' || locale === 'ar') {
            await screenshots(
              page,
              `public-${locale}-${path.replace(/\?.*$/, '').replace(/\//g, '_') || 'home'}`,
            );
          }
        }
        expect(foreign).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('leads addresses without a language, such as mail links, to the reader’s language', async () => {
    const context = await browser.newContext({
      locale: 'fr-FR',
      extraHTTPHeaders: { 'accept-language': 'fr-FR,fr;q=0.9' },
    });
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/verify-email?token=abc`);
    expect(page.url()).toBe(`${stack.webUrl}/fr/verify-email?token=abc`);
    await context.close();
  });

  it('answers the eligibility pre-check, with an error summary that takes the focus', async () => {
    const { context, page } = await newContext(browser, stack.webUrl, 360);
    try {
      await page.goto(`${stack.webUrl}/en/eligibility`);
      await page.getByRole('button', { name: 'Check' }).click();
      await expectFocusedSummary(page, 3);
      // Field names read as words of the sentence; a question gets a message of its own.
      expect(await page.locator('#error-summary a').allInnerTexts()).toEqual([
        'Choose country where you live',
        'Choose your citizenship',
        'Say whether you are 18 or older',
      ]);
      await page.locator('#field-residence').selectOption('MA');
      await page.locator('#field-citizenship').selectOption('MA');
      await page.locator('label[for="field-adult"]').click();
      await page.getByRole('button', { name: 'Check' }).click();
      await expectText(page, 'You can most likely join the pool');
      await page.locator('#field-residence').selectOption('FR');
      await page.getByRole('button', { name: 'Check' }).click();
      await expectText(page, 'The pool is for people who live outside the EU.');
    } finally {
      await context.close();
    }
  });

  it('refuses a form posted without its token', async () => {
    const response = await fetch(`${stack.webUrl}/en/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=someone%40example.org',
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/en/register?expired=1');
  });

  it('refreshes an expiring session once for every tab that needs it at the same moment', async () => {
    const sessions = stack.web.get(SessionStore);
    const session = await sessions.create({
      role: 'candidate',
      accessToken: 'old',
      refreshToken: 'spent-once',
      accessExpiresAt: Date.now(),
    });
    const presented: string[] = [];
    const refresh = async (refreshToken: string) => {
      presented.push(refreshToken);
      await delay(300);
      return { accessToken: 'new', refreshToken: 'next', expiresIn: 900 };
    };
    const tabs = await Promise.all(
      Array.from({ length: 5 }, async () =>
        sessions.accessToken((await sessions.find(session.id))!, refresh),
      ),
    );
    expect(tabs).toEqual(['new', 'new', 'new', 'new', 'new']);
    expect(presented).toEqual(['spent-once']);
    expect((await sessions.find(session.id))?.account?.refreshToken).toBe('next');
  });

  it('stops an alert from the mail’s link without signing in, and takes mail clients’ one-click post', async () => {
    const candidate = await new CandidateFactory(stack.api).active();
    const saved = async (name: string): Promise<string> => {
      const created = await request(stack.api.getHttpServer())
        .post('/api/v1/me/saved-searches/jobs')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send({ name, query: { occupations: [ESCO.welder] } })
        .expect(201);
      return stack.api.get(UnsubscribeLinks).url(created.body.id as string);
    };
    const active = async (): Promise<boolean[]> => {
      const listed = await request(stack.api.getHttpServer())
        .get('/api/v1/me/saved-searches')
        .auth(candidate.accessToken, { type: 'bearer' })
        .expect(200);
      return (listed.body.items as { name: string; active: boolean }[])
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((item) => item.active);
    };
    const byPage = await saved('a: welding alert');
    const byClient = await saved('b: second alert');
    expect(new URL(byPage).origin).toBe(stack.webUrl);

    const { context, page } = await newContext(browser, stack.webUrl, 360);
    try {
      await page.goto(byPage.replace(`${stack.webUrl}/`, `${stack.webUrl}/ar/`));
      await expectText(page, 'a: welding alert');
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.locator('main button[type=submit]').click();
      await page.waitForLoadState();
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(await active()).toEqual([false, true]);
    } finally {
      await context.close();
    }

    // Not the last character: in base64url its lowest bits are padding, and changing only those
    // leaves the same token.
    const at = byClient.length - 2;
    const tampered = await fetch(
      `${byClient.slice(0, at)}${byClient[at] === 'A' ? 'B' : 'A'}${byClient.slice(at + 1)}`,
      {
        method: 'POST',
        body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }),
      },
    );
    expect(tampered.status).toBe(400);
    const oneClick = await fetch(byClient, {
      method: 'POST',
      body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }),
    });
    expect(oneClick.status).toBe(200);
    expect(await active()).toEqual([false, false]);
  });

  it('answers an unknown page with a page of the site', async () => {
    const response = await fetch(`${stack.webUrl}/ar/no-such-page`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('dir="rtl"');
  });
});

async function expectFocusedSummary(page: Page, links: number): Promise<void> {
  expect(await focusedId(page, 'error-summary')).toBe('error-summary');
  expect(await page.locator('#error-summary a').count()).toBe(links);
}

async function expectText(page: Page, text: string): Promise<void> {
  expect(await page.locator('main').innerText()).toContain(text);
}

import { NotificationCentre } from '@app/notifications';
import { ShortageSeeder } from '@app/shortage-occupations';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { ar } from '../apps/web/src/i18n/messages/ar';
import { en } from '../apps/web/src/i18n/messages/en';
import { AccountFactory, type SignedInAccount } from './factories/account.factory';
import { CandidateFactory, type RegisteredCandidate, seedCandidateFixtures } from './factories/candidate.factory';
import { EmployerFactory, type RegisteredEmployer } from './factories/employer.factory';
import { VacancyFactory } from './factories/vacancy.factory';
import { focusedId, launchBrowser, type TestBrowser } from './utils/browser';
import { ContactSteps } from './utils/contacts';
import { SETUP_TIMEOUT_MS } from './utils/deadlines';
import { Walk } from './utils/web-journey';
import { startWebStack, type WebStack } from './utils/web-stack';

type Catalogue = typeof en;
const ACTION_TIMEOUT_MS = 60_000;
/** Some twenty pages, each checked by axe-core and photographed twice, on a shared machine. */
const WALK_TIMEOUT_MS = 900_000;
const SEEDED_NOTIFICATIONS = 23;
const OPENING = 'Would you like to talk about the welding position?';
const EMPLOYER_MESSAGE = 'Could you start in March? We can help with the work permit.';
const OWN_MESSAGE = 'Yes, March suits me.';

/**
 * The candidate's notification centre (pages, unread filter, marking read, preferences), the receipts of
 * the consents they gave (with withdrawal), a conversation's senders, the phone menu and the eligibility
 * pre-check against the partner-country list: in a browser, in English and in Arabic (right to left),
 * against the real API and worker, axe-core on every page, screenshots at 360 and 1280 px.
 */
describe('web front end: the candidate’s notifications, consents and conversations', () => {
  let stack: WebStack;
  let chromium: TestBrowser;
  let browser: Browser;
  let admin: SignedInAccount;
  let employer: RegisteredEmployer;
  let vacancyId: string;

  beforeAll(async () => {
    stack = await startWebStack();
    await seedCandidateFixtures(stack.api);
    await stack.api.get(ShortageSeeder).seed();
    const accounts = new AccountFactory(stack.api);
    admin = await accounts.admin();
    const ncp = await accounts.ncp(admin, 'NL');
    employer = await new EmployerFactory(stack.api, accounts).verified(ncp);
    vacancyId = await new VacancyFactory(stack.api).published(employer);
    chromium = await launchBrowser();
    browser = chromium.browser;
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await chromium?.close();
    await stack?.close();
  });

  const http = () => request(stack.api.getHttpServer());

  /** An active candidate who accepted the employer's request, with a message each way and a long list of notifications. */
  async function seededCandidate(): Promise<{ candidate: RegisteredCandidate; contactId: string; employerName: string }> {
    const candidate = await new CandidateFactory(stack.api).active();
    const steps = new ContactSteps(stack.api);
    const requested = await steps.request(employer, vacancyId, candidate.referenceCode, OPENING).expect(201);
    const contactId = requested.body.contactId as string;
    await steps.answer(candidate, contactId, 'accept').expect(200);
    await http()
      .post(`/api/v1/vacancies/${vacancyId}/pipeline/${candidate.referenceCode}/messages`)
      .auth(employer.user.accessToken, { type: 'bearer' })
      .send({ body: EMPLOYER_MESSAGE })
      .expect(201);
    await http()
      .post(`/api/v1/candidates/me/contacts/${contactId}/messages`)
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ body: OWN_MESSAGE })
      .expect(201);
    const centre = stack.api.get(NotificationCentre);
    for (let i = 1; i <= SEEDED_NOTIFICATIONS; i += 1) {
      await centre.notify({ accountIds: [candidate.id], kind: 'new_matches', params: { count: String(i) }, dedupKey: `web-notices-${i}` });
    }
    const contact = await http().get(`/api/v1/candidates/me/contacts/${contactId}`).auth(candidate.accessToken, { type: 'bearer' }).expect(200);
    return { candidate, contactId, employerName: contact.body.employer.legalName as string };
  }

  async function notificationTotals(candidate: SignedInAccount): Promise<{ all: number; unread: number }> {
    const count = async (query: string) =>
      (await http().get(`/api/v1/me/notifications?limit=1${query}`).auth(candidate.accessToken, { type: 'bearer' }).expect(200)).body.total as number;
    return { all: await count(''), unread: await count('&unread=true') };
  }

  async function signIn(walk: Walk, locale: string, t: Catalogue, candidate: SignedInAccount): Promise<void> {
    await walk.goto(`${stack.webUrl}/${locale}/sign-in`, 'sign-in');
    await walk.page.fill('#field-email', candidate.email);
    await walk.page.fill('#field-password', candidate.password);
    await walk.press(t.signIn.submit, 'home');
  }

  async function newWalk(locale: string, width: number, shots: string): Promise<Walk> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, extraHTTPHeaders: { 'accept-language': locale } });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    return new Walk(await context.newPage(), shots);
  }

  const menuEntry = (page: Page) => page.locator('.etp-menu a[href$="/candidate/notifications"]');
  const cards = (page: Page) => page.locator('main .etp-cards > li');

  it.each([
    ['en', en, 1280],
    ['ar', ar, 360],
  ] as const)(
    'in %s: pages through the notifications, filters the unread ones, marks one and then all read, and saves the preferences',
    async (locale, t, width) => {
      const { candidate } = await seededCandidate();
      const walk = await newWalk(locale, width, `notices-${locale}`);
      const { page } = walk;
      try {
        await signIn(walk, locale, t, candidate);
        const before = await notificationTotals(candidate);
        expect(before.unread).toBeGreaterThanOrEqual(SEEDED_NOTIFICATIONS);

        await walk.goto(`${stack.webUrl}/${locale}/candidate/notifications`, 'notifications');
        // The menu shows the number; a screen reader hears it as a phrase, not a bare figure.
        expect(await menuEntry(page).locator('.etp-badge').innerText()).toBe(String(before.unread));
        expect(await menuEntry(page).locator('.etp-visually-hidden').textContent()).toContain(String(before.unread));
        expect(await menuEntry(page).locator('.etp-badge').getAttribute('aria-hidden')).toBe('true');
        expect(await menuEntry(page).getAttribute('aria-current')).toBe('page');
        expect(await cards(page).count()).toBe(20);
        expect(await walk.text()).toContain(t.notices.pageOf.replace('{{page}}', '1').replace('{{pages}}', String(Math.ceil(before.all / 20))));

        await walk.press(t.notices.next, 'notifications-page-2');
        expect(await cards(page).count()).toBe(before.all - 20);
        await walk.press(t.notices.previous, 'notifications-page-1');

        await walk.press(t.notices.unreadOnly, 'notifications-unread');
        expect(new URL(page.url()).searchParams.get('unread')).toBe('1');
        await walk.press(t.notices.markRead, 'notifications-marked');
        expect(await walk.text()).toContain(t.notices.markedRead);
        expect(new URL(page.url()).searchParams.get('unread')).toBe('1');
        expect((await notificationTotals(candidate)).unread).toBe(before.unread - 1);
        expect(await menuEntry(page).locator('.etp-badge').innerText()).toBe(String(before.unread - 1));

        await walk.press(t.notices.markAllRead, 'notifications-all-read');
        expect(await walk.text()).toContain(t.notices.allMarkedRead);
        expect(await walk.text()).toContain(t.notices.noneUnread);
        expect(await menuEntry(page).locator('.etp-badge').count()).toBe(0);
        expect((await notificationTotals(candidate)).unread).toBe(0);

        // Preferences: a refused value brings the error summary, with the focus; a valid choice is saved.
        await walk.goto(`${stack.webUrl}/${locale}/candidate/notifications`, 'notifications-read');
        await page.evaluate(() => {
          const select = document.querySelector<HTMLSelectElement>('#field-language')!;
          select.add(new Option('xx', 'xx', true, true));
        });
        await walk.press(t.notices.savePreferences, 'preferences-error');
        expect(await focusedId(page, 'error-summary')).toBe('error-summary');
        expect(await page.locator('#error-summary a[href="#field-language"]').count()).toBe(1);
        await page.locator('#field-language').selectOption('fr');
        await page.locator('label[for="field-channel-new_matches-digest"]').click();
        await page.locator('label[for="field-channel-contact_update-off"]').click();
        await walk.press(t.notices.savePreferences, 'preferences-saved');
        expect(await walk.text()).toContain(t.notices.preferencesSaved);
        const saved = await http().get('/api/v1/me/notification-preferences').auth(candidate.accessToken, { type: 'bearer' }).expect(200);
        expect(saved.body).toMatchObject({ language: 'fr', channels: { new_matches: 'digest', contact_update: 'off' } });
        expect(await page.locator('#field-channel-new_matches-digest').isChecked()).toBe(true);
        // The list now comes in the chosen mail language, marked as such.
        expect(await cards(page).first().locator('h2').getAttribute('lang')).toBe('fr');

        expect(walk.violations).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
    WALK_TIMEOUT_MS,
  );

  it.each([
    ['en', en, 1280],
    ['ar', ar, 360],
  ] as const)(
    'in %s: shows the conversation’s senders and times, the consent receipts, and withdraws the consent from there',
    async (locale, t, width) => {
      const { candidate, contactId, employerName } = await seededCandidate();
      const walk = await newWalk(locale, width, `consents-${locale}`);
      const { page } = walk;
      try {
        await signIn(walk, locale, t, candidate);
        await walk.goto(`${stack.webUrl}/${locale}/candidate/contacts/${contactId}`, 'conversation');
        const thread = page.locator('main .etp-thread > li');
        expect(await thread.count()).toBe(3);
        const senders = await page.locator('main .etp-thread__who strong').allInnerTexts();
        expect(senders).toEqual([employerName, employerName, t.notices.conversation.you]);
        expect(await thread.nth(0).innerText()).toContain(OPENING);
        expect(await thread.nth(1).innerText()).toContain(EMPLOYER_MESSAGE);
        expect(await thread.nth(2).innerText()).toContain(OWN_MESSAGE);
        expect(await page.locator('main .etp-thread time[datetime]').count()).toBe(3);
        expect(await page.locator('main .etp-thread').innerText()).not.toContain(t.nav.profile);

        await walk.goto(`${stack.webUrl}/${locale}/candidate/account`, 'account');
        await walk.press(t.notices.receipts.title, 'consents');
        const receipt = cards(page).first();
        expect(await receipt.locator('h2').innerText()).toBe(t.notices.receipts.granted);
        const facts = await receipt.innerText();
        expect(facts).toContain(employerName);
        expect(facts).toContain('MIG/MAG welder for ship repair');
        expect(facts).toContain(t.notices.receipts.via.acceptance);
        for (const field of ['name', 'email', 'phone'] as const) expect(facts).toContain(t.notices.receipts.fields[field]);

        await walk.press(t.notices.receipts.withdraw, 'consents-withdrawn');
        expect(await walk.text()).toContain(t.notices.receipts.withdrawnNotice);
        expect(await cards(page).count()).toBe(2);
        expect(await cards(page).nth(1).locator('h2').innerText()).toBe(t.notices.receipts.withdrawn);
        expect(await page.getByRole('button', { name: t.notices.receipts.withdraw }).count()).toBe(0);
        const contact = await http().get(`/api/v1/candidates/me/contacts/${contactId}`).auth(candidate.accessToken, { type: 'bearer' }).expect(200);
        expect(contact.body.consent).toBe('withdrawn');

        expect(walk.violations).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
    WALK_TIMEOUT_MS,
  );

  it.each([
    ['en', en, 'ltr'],
    ['ar', ar, 'rtl'],
  ] as const)('in %s on a 360 px phone: keeps the signed-in menu on one line, every entry reachable by keyboard', async (locale, t, dir) => {
    const { candidate } = await seededCandidate();
    const walk = await newWalk(locale, 360, `phone-menu-${locale}`);
    const { page } = walk;
    try {
      await signIn(walk, locale, t, candidate);
      await walk.goto(`${stack.webUrl}/${locale}/candidate/matches`, 'matches');
      // Nothing widens the page sideways: only the menu scrolls.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const entries = page.locator('.etp-menu li');
      const count = await entries.count();
      expect(count).toBeGreaterThanOrEqual(7);
      const boxes = await Promise.all(Array.from({ length: count }, (_, i) => entries.nth(i).boundingBox()));
      const tops = new Set(boxes.map((box) => Math.round(box!.y)));
      expect(tops.size).toBe(1);
      // The first entry sits at the start of the reading direction.
      expect(dir === 'rtl' ? boxes[0]!.x > boxes[1]!.x : boxes[0]!.x < boxes[1]!.x).toBe(true);
      // The page's heading starts within the first screen, under a compact header.
      expect((await page.locator('main h1').boundingBox())!.y).toBeLessThan(330);
      // Tabbing through the menu scrolls each entry into view, up to the last one (signing out).
      await page.locator('.etp-menu a').first().focus();
      for (let i = 1; i < count; i += 1) await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement!;
        const box = element.getBoundingClientRect();
        return { text: element.textContent, left: box.left, right: box.right, width: window.innerWidth };
      });
      expect(focused.text).toBe(t.nav.signOut);
      expect(focused.left).toBeGreaterThanOrEqual(0);
      expect(focused.right).toBeLessThanOrEqual(focused.width);
      expect(walk.violations).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, WALK_TIMEOUT_MS);

  it('leads the notification mails’ link to the notification centre in the reader’s language', async () => {
    const response = await fetch(`${stack.webUrl}/notifications`, { headers: { 'accept-language': 'ar' }, redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/ar/candidate/notifications');
  });

  it('answers the eligibility pre-check from the partner-country list: taking part, suspended, a change to come', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const setStatus = (code: string, status: string, effectiveFrom: string) =>
      http()
        .post(`/api/v1/admin/partner-countries/${code}/status`)
        .auth(admin.accessToken, { type: 'bearer' })
        .send({ status, effectiveFrom, reason: 'Agreement reviewed by the Commission' })
        .expect(200);
    await setStatus('SN', 'suspended', today);
    await setStatus('TN', 'talent_partnership', today);
    await setStatus('TN', 'suspended', later);

    for (const [locale, t, width] of [
      ['en', en, 1280],
      ['ar', ar, 360],
    ] as const) {
      const walk = await newWalk(locale, width, `eligibility-${locale}`);
      const { page } = walk;
      const check = async (country: string, name: string) => {
        await page.locator('#field-residence').selectOption(country);
        await page.locator('#field-citizenship').selectOption(country);
        await page.locator('label[for="field-adult"]').click();
        await walk.press(t.eligibility.submit, name);
        return walk.text();
      };
      try {
        await walk.goto(`${stack.webUrl}/${locale}/eligibility`, 'form');
        const partners = page.locator(`#field-residence optgroup[label="${t.notices.eligibility.partners}"] option`);
        const listed = await partners.evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
        expect(listed).toEqual(expect.arrayContaining(['MA', 'TN']));
        expect(listed).not.toContain('SN');

        const morocco = await check('MA', 'eligible');
        expect(morocco).toContain(t.eligibility.eligible);
        expect(await page.locator('#eligibility-facts').innerText()).toContain(country(locale, 'MA'));

        const tunisia = await check('TN', 'eligible-until');
        expect(tunisia).toContain(t.eligibility.eligible);
        const scheduled = await page.locator('#eligibility-facts').innerText();
        expect(scheduled).toContain(country(locale, 'TN'));
        expect(scheduled).toContain(new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${later}T00:00:00Z`)));

        const senegal = await check('SN', 'suspended');
        expect(senegal).toContain(t.eligibility.notEligible);
        expect(senegal).toContain(t.notices.eligibility.suspended.replace('{{country}}', country(locale, 'SN')).replace(/ \(.*$/, '').replace(/\{\{date\}\}.*$/, ''));
        expect(walk.violations).toEqual([]);
      } finally {
        await page.context().close();
      }
    }
  }, WALK_TIMEOUT_MS);
});

function country(locale: string, code: string): string {
  return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}

import { ShortageSeeder } from '@app/shortage-occupations';
import { TaxonomyIndexer } from '@app/taxonomy';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ar } from '../apps/web/src/i18n/messages/ar';
import { en } from '../apps/web/src/i18n/messages/en';
import { AccountFactory, type SignedInAccount, uniqueEmail } from './factories/account.factory';
import { CandidateFactory, type RegisteredCandidate } from './factories/candidate.factory';
import { EmployerFactory, type RegisteredEmployer } from './factories/employer.factory';
import { focusedId, launchBrowser, type TestBrowser } from './utils/browser';
import { CONDITION_DEADLINE_MS, SETUP_TIMEOUT_MS } from './utils/deadlines';
import { waitFor } from './utils/wait-for';
import { consoleContext, signIn } from './utils/web-consoles';
import { Walk } from './utils/web-journey';
import { startWebStack, type WebStack } from './utils/web-stack';

/** Some twenty pages per test, each checked by axe-core and photographed, on a shared machine. */
const JOURNEY_TIMEOUT_MS = 1_200_000;
const TO_VERIFY = 'Havenbouw Verificatie B.V.';
const TO_SUSPEND = 'Scheepsreparatie Noord B.V.';

/**
 * The national contact point's and the administrator's consoles in a browser, against the real API,
 * worker and web front end: an NCP verifies a registered employer and suspends another with a reason,
 * and edits its state's shortage list; an administrator previews and applies a partner-country
 * suspension (its candidate leaves the employers' talent search), edits the EU shortage list and a
 * Member State's participation, and invites an NCP. Every page in English and Arabic, checked by axe.
 */
describe('web front end: the national contact point and administrator consoles', () => {
  let stack: WebStack;
  let chromium: TestBrowser;
  let browser: Browser;
  let admin: SignedInAccount;
  let ncp: SignedInAccount;
  let pending: RegisteredEmployer;
  let toSuspend: RegisteredEmployer;
  let searcher: RegisteredEmployer;
  let moroccan: RegisteredCandidate;
  let tunisian: RegisteredCandidate;
  const http = () => request(stack.api.getHttpServer());

  beforeAll(async () => {
    stack = await startWebStack();
    const api = stack.api;
    await api.get(ShortageSeeder).seed();
    await stack.worker.get(TaxonomyIndexer).rebuild();
    const accounts = new AccountFactory(api);
    admin = await accounts.admin();
    ncp = await accounts.ncp(admin, 'NL');
    const employers = new EmployerFactory(api, accounts);
    pending = await employers.registered({ legalName: TO_VERIFY });
    toSuspend = await employers.verified(ncp, { legalName: TO_SUSPEND });
    searcher = await employers.verified(ncp);
    const candidates = new CandidateFactory(api);
    moroccan = await candidates.active();
    tunisian = await candidates.active({ residenceCountry: 'TN', citizenships: ['TN'], phone: '+216 20 123 456' });
    await waitFor(async () => {
      const found = await talentCodes();
      return found.includes(moroccan.referenceCode) && found.includes(tunisian.referenceCode);
    }, { timeoutMs: CONDITION_DEADLINE_MS, what: 'both candidates in the talent search' });
    chromium = await launchBrowser();
    browser = chromium.browser;
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await chromium?.close();
    await stack?.close();
  });

  /** The reference codes the searching employer finds, through the API as the employer console would. */
  async function talentCodes(): Promise<string[]> {
    const response = await http().post('/api/v1/search/talent').auth(searcher.user.accessToken, { type: 'bearer' }).send({ limit: 100 }).expect(200);
    return (response.body.items as { referenceCode: string }[]).map((hit) => hit.referenceCode);
  }

  async function employerStatus(organisationId: string): Promise<{ status: string; statusReason: string | null }> {
    const response = await http().get(`/api/v1/employers/${organisationId}`).auth(ncp.accessToken, { type: 'bearer' }).expect(200);
    return response.body;
  }

  const url = (locale: string, path: string) => `${stack.webUrl}/${locale}${path}`;

  it('an NCP verifies a registered employer, suspends another with a reason and edits its shortage list', async () => {
    const ctx = await consoleContext(browser, 'en');
    const walk = new Walk(await ctx.newPage(), 'ncp-en');
    const { page } = walk;
    try {
      await signIn(walk, stack, 'en', en, ncp, 'queue');
      expect(new URL(page.url()).pathname).toBe('/en/ncp');
      expect(await walk.text()).toContain(TO_VERIFY);

      await walk.press(TO_VERIFY, 'employer-pending');
      expect(await walk.text()).toContain('Ana Lopes');
      await page.locator('label[for="field-status"]').click();
      await walk.press(en.ncp.decision.submit, 'employer-reason-missing');
      expect(await page.locator('#error-summary').innerText()).toContain('Enter reason');
      expect(await focusedId(page, 'error-summary')).toBe('error-summary');
      await page.fill('#field-reason', 'Checked against the Dutch business register (KVK).');
      await walk.press(en.ncp.decision.submit, 'employer-verified');
      expect(await walk.text()).toContain(en.ncp.decision.doneVerified);
      expect(await employerStatus(pending.organisationId)).toMatchObject({ status: 'verified' });

      await walk.goto(url('en', '/ncp?status=verified'), 'queue-verified');
      await walk.press(TO_SUSPEND, 'employer-to-suspend');
      await page.locator('label[for="field-status"]').click();
      await page.fill('#field-reason', 'Complaints about unpaid wages are under investigation.');
      await walk.press(en.ncp.decision.submit, 'employer-suspended');
      expect(await walk.text()).toContain(en.ncp.decision.doneSuspended);
      expect(await page.locator('#employer-status').textContent()).toBe(en.ncp.status.suspended);
      expect(await employerStatus(toSuspend.organisationId)).toEqual(expect.objectContaining({ status: 'suspended', statusReason: 'Complaints about unpaid wages are under investigation.' }));

      await walk.goto(url('en', '/ncp/shortage-list'), 'shortage-list');
      const addNurses = async (search: string, landing: string) => {
        await page.fill('#field-q', 'nurse');
        await walk.press(en.form.search, search);
        await page.locator('main label', { hasText: 'specialist nurse' }).click();
        await page.locator('#field-sectorCode').selectOption({ index: 1 });
        await page.fill('#field-reason', 'Regional shortage of specialist nurses in the Netherlands.');
        await walk.press(en.ncp.shortage.addSubmit, landing);
      };
      await addNurses('shortage-search', 'shortage-added');
      expect(await walk.text()).toContain(en.ncp.shortage.added);
      expect(await page.locator('#shortage-entries').innerText()).toContain('specialist nurse');
      // The same entry again (sent twice, or forgotten): refused, with the field to change.
      await addNurses('shortage-search-again', 'shortage-exists');
      expect(await page.locator('#error-summary').innerText()).toContain(en.ncp.shortage.exists);
      expect(await page.locator('#shortage-entries tbody tr', { hasText: 'specialist nurse' }).count()).toBe(1);
      await walk.press(`${en.form.remove} specialist nurse`, 'shortage-withdraw');
      await walk.press(en.ncp.shortage.withdrawSubmit, 'shortage-withdraw-reason-missing');
      expect(await page.locator('#error-summary').isVisible()).toBe(true);
      await page.fill('#field-reason', 'Entered for the wrong region.');
      await walk.press(en.ncp.shortage.withdrawSubmit, 'shortage-withdrawn');
      expect(await walk.text()).toContain(en.ncp.shortage.withdrawn);
      expect(await page.locator('#shortage-entries').innerText()).not.toContain('specialist nurse');

      await walk.goto(url('en', '/ncp/statistics'), 'statistics');
      expect(await walk.text()).toContain('Netherlands');

      // Another kind of account's pages answer 403.
      const forbidden = await page.goto(url('en', '/admin/partner-countries'));
      expect(forbidden?.status()).toBe(403);
      expect(walk.violations).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, JOURNEY_TIMEOUT_MS);

  it('the NCP console in Arabic, right to left', async () => {
    const ctx = await consoleContext(browser, 'ar');
    const walk = new Walk(await ctx.newPage(), 'ncp-ar');
    const { page } = walk;
    try {
      await signIn(walk, stack, 'ar', ar, ncp, 'queue');
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      await walk.goto(url('ar', '/ncp?status=suspended'), 'queue-suspended');
      await walk.press(TO_SUSPEND, 'employer-suspended');
      await walk.press(ar.ncp.decision.submit, 'employer-errors');
      expect(await page.locator('#error-summary').innerText()).toContain(ar.ncp.decision.reason);
      await walk.goto(url('ar', '/ncp/shortage-list?q=welder'), 'shortage-search');
      expect(await page.locator('main .ecl-radio__text[lang="en"]', { hasText: 'welder' }).count()).toBe(1);
      await walk.goto(url('ar', '/ncp/statistics'), 'statistics');
      expect(walk.violations).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, JOURNEY_TIMEOUT_MS);

  it('an administrator previews and applies a partner-country suspension, edits the EU list and a participation, and invites an NCP', async () => {
    const ctx = await consoleContext(browser, 'en');
    const walk = new Walk(await ctx.newPage(), 'admin-en');
    const { page } = walk;
    try {
      await signIn(walk, stack, 'en', en, admin, 'home');
      expect(new URL(page.url()).pathname).toBe('/en/admin');

      await walk.goto(url('en', '/admin/partner-countries'), 'partner-countries');
      await page.locator('#field-country').selectOption('MA');
      await walk.press(en.form.continue, 'partner-country');
      expect(new URL(page.url()).pathname).toBe('/en/admin/partner-countries/MA');
      await page.locator('label[for="field-status-suspended"]').click();
      await walk.press(en.admin.partners.preview, 'preview');
      expect(await page.locator('#impact-profiles').innerText()).toBe('1');
      expect(await walk.text()).toContain(en.admin.preview.visibility.hidden);
      // Nothing has changed yet: the candidate is still found.
      expect(await talentCodes()).toContain(moroccan.referenceCode);
      await walk.press(en.admin.preview.confirm, 'preview-reason-missing');
      expect(await page.locator('#error-summary').innerText()).toContain('Enter reason');
      await page.fill('#field-reason', 'Partnership agreement suspended by the Council.');
      await walk.press(en.admin.preview.confirm, 'partner-country-suspended');
      expect(await walk.text()).toContain('The status has been changed. 1 profile was affected.');
      expect(await page.locator('#partner-status').innerText()).toBe(en.admin.partnerStatus.suspended);
      expect(await page.locator('#partner-history').innerText()).toContain('Partnership agreement suspended by the Council.');
      await waitFor(async () => !(await talentCodes()).includes(moroccan.referenceCode), { timeoutMs: CONDITION_DEADLINE_MS, what: 'the Moroccan candidate to leave the talent search' });
      expect(await talentCodes()).toContain(tunisian.referenceCode);
      await walk.goto(url('en', '/admin/partner-countries'), 'partner-countries-after');
      expect(await page.locator('#partner-countries').innerText()).toContain('Morocco');

      await walk.goto(url('en', '/admin/shortage-list'), 'shortage-list');
      await page.fill('#field-q', 'nurse');
      await walk.press(en.form.search, 'shortage-search');
      await page.locator('main label', { hasText: 'specialist nurse' }).click();
      await page.locator('#field-sectorCode').selectOption({ index: 1 });
      await page.fill('#field-reason', 'EURES shortage report 2026.');
      await walk.press(en.ncp.shortage.addSubmit, 'shortage-added');
      expect(await page.locator('#shortage-entries').innerText()).toContain('specialist nurse');
      await walk.press(`${en.form.remove} specialist nurse`, 'shortage-withdraw');
      await page.fill('#field-reason', 'Added by mistake.');
      await walk.press(en.ncp.shortage.withdrawSubmit, 'shortage-withdrawn');
      expect(await walk.text()).toContain(en.ncp.shortage.withdrawn);
      expect(await page.locator('#shortage-entries').innerText()).not.toContain('specialist nurse');

      await walk.goto(url('en', '/admin/member-states'), 'member-states');
      await walk.press(`${en.admin.partners.change} Austria`, 'member-state');
      const box = page.locator('#field-allowedEntityTypes-labour_market_intermediary');
      const allowedBefore = await box.isChecked();
      await page.locator('label[for="field-allowedEntityTypes-labour_market_intermediary"]').click();
      await page.fill('#field-reason', 'Austria changed the organisations it admits.');
      await walk.press(en.admin.states.review, 'member-state-review');
      expect(await page.locator('#participation-change').innerText()).toContain(en.admin.states.after);
      await walk.press(en.admin.states.confirm, 'member-states-changed');
      expect(await walk.text()).toContain(en.admin.states.changed);
      const states = await http().get('/api/v1/reference/member-states').expect(200);
      const austria = (states.body as { countryCode: string; allowedEntityTypes: string[] }[]).find((state) => state.countryCode === 'AT');
      expect(austria?.allowedEntityTypes.includes('labour_market_intermediary')).toBe(!allowedBefore);

      const invited = uniqueEmail('ncp-invited');
      await walk.goto(url('en', '/admin/ncp-invitations'), 'invite');
      await walk.press(en.admin.invite.submit, 'invite-errors');
      expect(await page.locator('#error-summary').innerText()).toContain('Enter email address');
      await page.fill('#field-email', invited);
      await page.locator('#field-memberState').selectOption('FR');
      await walk.press(en.admin.invite.submit, 'invited');
      expect(await walk.text()).toContain(en.admin.invite.done);
      const dataSource = stack.api.get<DataSource>(getDataSourceToken());
      const mails: unknown[] = await dataSource.query(`SELECT id FROM mail_messages WHERE to_address = $1 AND template = 'identity.invitation'`, [invited]);
      expect(mails).toHaveLength(1);
      expect(walk.violations).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, JOURNEY_TIMEOUT_MS);

  it('the administrator console in Arabic, right to left', async () => {
    const ctx = await consoleContext(browser, 'ar');
    const walk = new Walk(await ctx.newPage(), 'admin-ar');
    const { page } = walk;
    try {
      await signIn(walk, stack, 'ar', ar, admin, 'home');
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      await walk.goto(url('ar', '/admin/partner-countries'), 'partner-countries');
      await walk.goto(url('ar', '/admin/partner-countries/MA'), 'partner-country');
      await page.locator('label[for="field-status"]').click();
      await walk.press(ar.admin.partners.preview, 'preview');
      expect(await walk.text()).toContain(ar.admin.preview.visibility.restored);
      await walk.goto(url('ar', '/admin/shortage-list?q=welder'), 'shortage-search');
      await walk.goto(url('ar', '/admin/member-states'), 'member-states');
      await walk.goto(url('ar', '/admin/member-states/AT'), 'member-state');
      await page.fill('#field-reason', 'مراجعة دورية للمشاركة.');
      await walk.press(ar.admin.states.review, 'member-state-review');
      await walk.goto(url('ar', '/admin/ncp-invitations'), 'invite');
      await walk.press(ar.admin.invite.submit, 'invite-errors');
      expect(walk.violations).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, JOURNEY_TIMEOUT_MS);
});

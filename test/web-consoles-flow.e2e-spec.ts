import { ShortageSeeder } from '@app/shortage-occupations';
import { TaxonomyIndexer } from '@app/taxonomy';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Browser } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { ar } from '../apps/web/src/i18n/messages/ar';
import { en } from '../apps/web/src/i18n/messages/en';
import { AccountFactory, type SignedInAccount, strongPassword } from './factories/account.factory';
import { CandidateFactory, type RegisteredCandidate } from './factories/candidate.factory';
import { insertTaxonomyFixture } from './factories/taxonomy.fixture';
import { launchBrowser, type TestBrowser } from './utils/browser';
import { CONDITION_DEADLINE_MS, SETUP_TIMEOUT_MS } from './utils/deadlines';
import { drainQueues } from './utils/drain';
import { waitFor } from './utils/wait-for';
import {
  acceptInvitation,
  addSkills,
  chooseOccupation,
  consoleContext,
  describeJob,
  openMatch,
  registerOrganisation,
  signIn,
} from './utils/web-consoles';
import { Walk } from './utils/web-journey';
import { startWebStack, type WebStack } from './utils/web-stack';

/** Some thirty pages across three people, each checked by axe-core and photographed, on a shared machine. */
const FLOW_TIMEOUT_MS = 1_500_000;

/**
 * The consoles' main flows as one story, every step in a browser with each person in their own
 * browser context, against the real API, worker and web front end: an employer registers and sets its
 * password from the mailbox link; the national contact point of its Member State verifies it in the
 * queue; the employer publishes a vacancy for a shortage occupation, sees an explained match and finds
 * the candidate in talent search; an administrator, in Arabic, previews and applies a suspension of the
 * candidate's partner country; the candidate leaves the employer's talent search.
 */
describe('web front end: the consoles as one story', () => {
  let stack: WebStack;
  let chromium: TestBrowser;
  let browser: Browser;
  let admin: SignedInAccount;
  let ncp: SignedInAccount;
  let candidate: RegisteredCandidate;

  beforeAll(async () => {
    stack = await startWebStack();
    const api = stack.api;
    await api.get(ShortageSeeder).seed();
    await insertTaxonomyFixture(api.get<DataSource>(getDataSourceToken()));
    await stack.worker.get(TaxonomyIndexer).rebuild();
    const accounts = new AccountFactory(api);
    admin = await accounts.admin();
    ncp = await accounts.ncp(admin, 'NL');
    // An active candidate living in Morocco, a partner country.
    candidate = await new CandidateFactory(api).active();
    chromium = await launchBrowser();
    browser = chromium.browser;
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await chromium?.close();
    await stack?.close();
  });

  const url = (locale: string, path: string) => `${stack.webUrl}/${locale}${path}`;

  it('registration, verification, an explained match, talent search, a partner-country suspension and its effect', async () => {
    const employerContext = await consoleContext(browser, 'en-GB,en;q=0.9');
    const ncpContext = await consoleContext(browser, 'en-GB,en;q=0.9');
    const adminContext = await consoleContext(browser, 'ar');
    const employer = new Walk(await employerContext.newPage(), 'flow-employer');
    const contactPoint = new Walk(await ncpContext.newPage(), 'flow-ncp');
    const administrator = new Walk(await adminContext.newPage(), 'flow-admin');
    try {
      // (1) The employer registers its organisation and sets its password from the mailbox link.
      const legalName = `Werf Verhaal ${Date.now()} B.V.`;
      const password = strongPassword();
      const email = await registerOrganisation(employer, stack, 'en', en, legalName);
      await acceptInvitation(employer, stack, en, email, password);
      expect(new URL(employer.page.url()).pathname).toBe('/en/employer');
      expect(await employer.page.locator('#organisation-status').innerText()).toBe(en.employer.status.pending);

      // (2) The national contact point of the Netherlands verifies it from the queue.
      await signIn(contactPoint, stack, 'en', en, ncp, 'queue');
      expect(new URL(contactPoint.page.url()).pathname).toBe('/en/ncp');
      await contactPoint.press(legalName, 'employer-pending');
      expect(await contactPoint.text()).toContain('Ana Lopes');
      await contactPoint.page.locator('label[for="field-status"]').click();
      await contactPoint.page.fill('#field-reason', 'Checked against the Dutch business register (KVK).');
      await contactPoint.press(en.ncp.decision.submit, 'employer-verified');
      expect(await contactPoint.text()).toContain(en.ncp.decision.doneVerified);
      expect(await contactPoint.page.locator('#employer-status').textContent()).toBe(en.ncp.status.verified);

      // (3) The employer, signed in afresh, sees the verification and publishes a vacancy for a shortage occupation.
      await employer.press(en.nav.signOut, 'signed-out', employer.page.locator('header'));
      await signIn(employer, stack, 'en', en, { email, password }, 'home');
      expect(await employer.page.locator('#organisation-status').innerText()).toBe(en.employer.status.verified);
      await employer.press(en.employer.nav.vacancies, 'vacancies', employer.page.locator('main'));
      await employer.press(en.employer.vacancies.new, 'vacancy-new');
      expect(await chooseOccupation(employer, en, 'welder', 'vacancy-new')).toContain(en.employer.vacancy.inShortage.replace('{{state}}', 'Netherlands'));
      await describeJob(employer, 'MIG/MAG welder for ship repair');
      await employer.press(en.employer.vacancy.saveDraft, 'vacancy-draft');
      const vacancyId = new URL(employer.page.url()).pathname.split('/').pop() ?? '';
      await addSkills(employer, en, ['weld metal parts', 'blueprints']);
      await employer.press(en.employer.vacancy.publish, 'vacancy-published');
      expect(await employer.page.locator('#vacancy-status').innerText()).toBe(en.employer.status.published);
      const card = await openMatch(employer, stack, 'en', vacancyId, candidate.referenceCode);
      expect(await card.locator('details').innerText()).toContain(en.employer.matches.matchedSkills);
      expect(await card.locator('details li', { hasText: 'weld metal parts' }).count()).toBe(1);

      // (4) The employer's talent search shows the candidate.
      await drainQueues(stack.api, ['candidates']);
      await employer.goto(url('en', '/employer/talent'), 'talent');
      expect(await employer.page.locator('#results-title').innerText()).toBe('1 profile');
      expect(await employer.text()).toContain(candidate.referenceCode);

      // (5) An administrator, in Arabic, previews a suspension of Morocco, sees its impact and confirms it with a reason.
      await signIn(administrator, stack, 'ar', ar, admin, 'home');
      expect(await administrator.page.getAttribute('html', 'dir')).toBe('rtl');
      await administrator.goto(url('ar', '/admin/partner-countries'), 'partner-countries');
      await administrator.page.locator('#field-country').selectOption('MA');
      await administrator.press(ar.form.continue, 'partner-country');
      expect(new URL(administrator.page.url()).pathname).toBe('/ar/admin/partner-countries/MA');
      await administrator.page.locator('label[for="field-status-suspended"]').click();
      await administrator.press(ar.admin.partners.preview, 'preview');
      expect(await administrator.page.locator('#impact-profiles').innerText()).toBe('1');
      expect(await administrator.text()).toContain(ar.admin.preview.visibility.hidden);
      await administrator.page.fill('#field-reason', 'علّق المجلس اتفاق الشراكة.');
      await administrator.press(ar.admin.preview.confirm, 'partner-country-suspended');
      expect(await administrator.page.locator('#partner-status').innerText()).toBe(ar.admin.partnerStatus.suspended);
      expect(await administrator.page.locator('#partner-history').innerText()).toContain('علّق المجلس اتفاق الشراكة.');

      // (6) The candidate leaves the employer's talent search, page reloaded until it shows.
      await waitFor(
        async () => {
          await employer.page.goto(url('en', '/employer/talent'));
          return !(await employer.text()).includes(candidate.referenceCode);
        },
        { timeoutMs: CONDITION_DEADLINE_MS, intervalMs: 2_000, what: 'the Moroccan candidate to leave the employer’s talent search' },
      );
      await employer.landed('talent-after-suspension');
      expect(await employer.page.locator('#results-title').innerText()).toBe('0 profiles');

      expect(await employer.page.getAttribute('html', 'dir')).toBe('ltr');
      expect(employer.violations).toEqual([]);
      expect(contactPoint.violations).toEqual([]);
      expect(administrator.violations).toEqual([]);
    } finally {
      await Promise.all([employerContext.close(), ncpContext.close(), adminContext.close()]);
    }
  }, FLOW_TIMEOUT_MS);
});

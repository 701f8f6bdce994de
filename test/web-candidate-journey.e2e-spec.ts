import { ShortageSeeder } from '@app/shortage-occupations';
import { TaxonomyIndexer } from '@app/taxonomy';
import type { Browser, BrowserContext } from 'playwright-core';
import { ar } from '../apps/web/src/i18n/messages/ar';
import { en } from '../apps/web/src/i18n/messages/en';
import { fr } from '../apps/web/src/i18n/messages/fr';
import { AccountFactory, strongPassword, uniqueEmail } from './factories/account.factory';
import { EmployerFactory, type RegisteredEmployer } from './factories/employer.factory';
import { VacancyFactory } from './factories/vacancy.factory';
import { launchBrowser, type TestBrowser } from './utils/browser';
import { ContactSteps } from './utils/contacts';
import { SETUP_TIMEOUT_MS } from './utils/deadlines';
import { drainQueues } from './utils/drain';
import { waitFor } from './utils/wait-for';
import { mailedLink, Walk } from './utils/web-journey';
import { startWebStack, type WebStack } from './utils/web-stack';

type Catalogue = typeof fr;
const ACTION_TIMEOUT_MS = 60_000;
/** Some thirty pages, each checked by axe-core, on a machine shared with other test runs. */
const JOURNEY_TIMEOUT_MS = 1_200_000;

/**
 * The candidate's whole journey in a browser, against the real API, worker and web front end: register,
 * follow the link from the local mailbox, build a profile, activate it, see an explained match for a
 * published vacancy, then apply (in French) or accept an employer's request (in Arabic, right to left).
 */
describe('web front end: the candidate journey', () => {
  let stack: WebStack;
  let chromium: TestBrowser;
  let browser: Browser;
  let employer: RegisteredEmployer;
  let vacancyId: string;

  beforeAll(async () => {
    stack = await startWebStack();
    const api = stack.api;
    await api.get(ShortageSeeder).seed();
    await stack.worker.get(TaxonomyIndexer).rebuild();
    const accounts = new AccountFactory(api);
    const admin = await accounts.admin();
    const ncp = await accounts.ncp(admin, 'NL');
    employer = await new EmployerFactory(api, accounts).verified(ncp);
    vacancyId = await new VacancyFactory(api).published(employer);
    chromium = await launchBrowser();
    browser = chromium.browser;
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await chromium?.close();
    await stack?.close();
  });

  async function context(locale: string, width = 1280): Promise<BrowserContext> {
    const created = await browser.newContext({ viewport: { width, height: 900 }, extraHTTPHeaders: { 'accept-language': locale } });
    // A control that never appears fails the step that wanted it instead of the whole test's timeout.
    created.setDefaultTimeout(ACTION_TIMEOUT_MS);
    return created;
  }

  /** Register, confirm by the mailed link, sign in and build the profile; returns the reference code. */
  async function buildProfile(walk: Walk, locale: 'fr' | 'ar', t: Catalogue, search: { occupation: string; skills: string[] }): Promise<string> {
    const { page } = walk;
    const base = `${stack.webUrl}/${locale}`;
    const email = uniqueEmail('web');
    const password = strongPassword();

    await walk.goto(`${base}/`, 'landing');
    expect(await walk.text()).toContain(t.landing.visaTitle);
    await walk.goto(`${base}/register`, 'register');
    await page.fill('#field-email', email);
    await walk.press(t.register.submit, 'register-sent');
    expect(await page.locator('main bdi').innerText()).toBe(email);

    const link = await mailedLink(stack, email, 'identity.verify-email');
    // The mail links to the verification page in the language the candidate registered in.
    expect(link.startsWith(`${stack.webUrl}/${locale}/verify-email?token=`)).toBe(true);
    await walk.goto(link, 'verify-email');
    expect(new URL(page.url()).pathname).toBe(`/${locale}/verify-email`);
    await page.fill('#field-password', password);
    await page.fill('#field-confirm', password);
    await walk.press(t.verify.submit, 'sign-in');
    await page.fill('#field-email', email);
    await page.fill('#field-password', password);
    await walk.press(t.signIn.submit, 'about-you');

    await page.fill('#field-givenName', 'Amina');
    await page.fill('#field-familyName', 'El Idrissi');
    await page.fill('#field-dateOfBirth', '1995-04-12');
    await page.locator('#field-residenceCountry').selectOption('MA');
    await page.locator('#field-citizenship').selectOption('MA');
    await page.fill('#field-phone', '+212 612-345678');
    await walk.press(t.candidate.create, 'wizard-1');

    await page.fill('#field-q', search.occupation);
    await walk.press(t.form.search, 'wizard-1-results');
    await walk.press(new RegExp(search.occupation), 'wizard-1-picked', page.locator('.etp-results'));
    await page.fill('#field-years-0', '5');
    await walk.press(t.form.continue, 'wizard-2');
    for (const skill of search.skills) {
      await page.fill('#field-q', skill);
      await walk.press(t.form.search, 'wizard-2-results');
      await walk.press(new RegExp(skill), 'wizard-2-picked', page.locator('.etp-results'));
    }
    await walk.press(t.form.continue, 'wizard-3');
    for (const [code, level] of [['fr', 'C1'], ['ar', 'C2']]) {
      await page.locator('#field-language').selectOption(code);
      await page.locator('#field-cefr').selectOption(level);
      await walk.press(t.form.add, 'wizard-3-picked');
    }
    await walk.press(t.form.continue, 'wizard-4');
    // "Continue" keeps the entry typed into the form, then moves on.
    await page.locator('#field-occupationUri').selectOption({ index: 1 });
    await page.fill('#field-employerName', 'Atelier de Fès');
    await page.locator('#field-countryCode').selectOption('MA');
    await page.fill('#field-startDate', '2016-03-01');
    await walk.press(t.form.continue, 'wizard-5');
    await page.locator('#field-eqfLevel').selectOption('4');
    await page.fill('#field-field', 'Soudure');
    await page.locator('#field-educationCountry').selectOption('MA');
    await page.fill('#field-completionYear', '2015');
    await walk.press(t.form.continue, 'wizard-6');
    await page.locator('label[for="field-memberStates-NL"]').click();
    await walk.press(t.form.continue, 'dashboard');
    expect(await walk.text()).toContain(t.wizard.done);
    await walk.press(t.candidate.activate, 'dashboard-active');
    expect(await walk.text()).toContain(t.candidate.activated);
    return page.locator('main dd bdi').first().innerText();
  }

  async function seeMatch(walk: Walk, locale: string, t: Catalogue, matchedSkill: string): Promise<void> {
    await drainQueues(stack.api, ['candidates', 'matching', 'vacancies']);
    await waitFor(
      async () => {
        await walk.page.goto(`${stack.webUrl}/${locale}/candidate/matches`);
        return (await walk.text()).includes('MIG/MAG welder for ship repair');
      },
      { what: 'the match on the candidate’s matches page' },
    );
    await walk.landed('matches');
    await walk.page.locator('main details summary').first().click();
    const explanation = walk.page.locator('main details').first();
    expect(await explanation.innerText()).toContain(t.matches.matchedSkills);
    expect(await explanation.locator(`li[lang="fr"]`, { hasText: matchedSkill }).count()).toBe(1);
  }

  it('in French: registers, builds the profile, sees an explained match and applies', async () => {
    const ctx = await context('fr-FR,fr;q=0.9');
    const walk = new Walk(await ctx.newPage());
    try {
      await buildProfile(walk, 'fr', fr, { occupation: 'soudeur', skills: ['souder des pièces', 'lire des plans'] });
      await seeMatch(walk, 'fr', fr, 'souder des pièces métalliques');
      await walk.press('MIG/MAG welder for ship repair', 'vacancy');
      // Applying asks for the consent first; the box is drawn in error.
      await walk.press(fr.jobs.applySubmit, 'vacancy-consent-missing');
      expect(await walk.page.locator('#error-summary').innerText()).toContain(fr.jobs.applyConsentMissing);
      await walk.page.locator('label[for="field-consent"]').click();
      await walk.press(fr.jobs.applySubmit, 'vacancy-applied');
      expect(await walk.text()).toContain(fr.jobs.applied);
      await walk.goto(`${stack.webUrl}/fr/candidate/contacts`, 'contacts');
      expect(await walk.text()).toContain('MIG/MAG welder for ship repair');
      await walk.goto(`${stack.webUrl}/fr/jobs`, 'jobs');
      expect(await walk.text()).toContain('MIG/MAG welder for ship repair');
      await walk.goto(`${stack.webUrl}/fr/candidate/account`, 'account');

      // The same pages in English, for their screenshots and checks.
      const english = new Walk(walk.page, 'candidate-en');
      for (const path of ['/candidate', '/candidate/profile/1', '/candidate/profile/2', '/candidate/profile/3', '/candidate/profile/4', '/candidate/profile/5', '/candidate/profile/6', '/candidate/matches', '/jobs', `/jobs/${vacancyId}`, '/candidate/contacts', '/candidate/account']) {
        await english.goto(`${stack.webUrl}/en${path}`, path.replace(/\//g, '_').replace(vacancyId, 'vacancy'));
      }
      expect(await walk.page.getAttribute('html', 'dir')).toBe('ltr');
      expect(en.nav.matches).toBeTruthy();
      expect([...walk.violations, ...english.violations]).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, JOURNEY_TIMEOUT_MS);

  it('in Arabic, right to left: builds the profile, sees the match in French labels and accepts a request', async () => {
    const ctx = await context('ar', 360);
    const walk = new Walk(await ctx.newPage(), 'candidate-ar');
    try {
      const referenceCode = await buildProfile(walk, 'ar', ar, { occupation: 'welder', skills: ['weld metal', 'blueprints'] });
      expect(await walk.page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await walk.page.getAttribute('html', 'lang')).toBe('ar');
      await seeMatch(walk, 'ar', ar, 'souder des pièces métalliques');

      await new ContactSteps(stack.api).request(employer, vacancyId, referenceCode).expect(201);
      await walk.goto(`${stack.webUrl}/ar/candidate/contacts`, 'contacts');
      await walk.press('MIG/MAG welder for ship repair', 'contact');
      await walk.press(ar.contacts.accept, 'contact-accepted');
      expect(await walk.text()).toContain(ar.contacts.accepted);
      await walk.page.fill('#field-body', 'شكرًا، أنا متاحة للمقابلة.');
      await walk.press(ar.contacts.send, 'contact-message');
      expect(await walk.text()).toContain('شكرًا، أنا متاحة للمقابلة.');
      for (const path of ['/candidate/profile/1', '/candidate/profile/2', '/candidate/profile/3', '/candidate/profile/4', '/candidate/profile/5', '/candidate/profile/6', '/jobs', `/jobs/${vacancyId}`, '/candidate/account']) {
        await walk.goto(`${stack.webUrl}/ar${path}`, path.replace(/\//g, '_').replace(vacancyId, 'vacancy'));
      }
      const skill = walk.page.locator('main');
      expect(await skill.getAttribute('lang')).toBeNull();
      expect(walk.violations).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, JOURNEY_TIMEOUT_MS);
});

import { TaxonomyIndexer } from '@app/taxonomy';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { ar } from '../apps/web/src/i18n/messages/ar';
import { en } from '../apps/web/src/i18n/messages/en';
import { fr } from '../apps/web/src/i18n/messages/fr';
import { uniqueEmail } from './factories/account.factory';
import { CandidateFactory, ESCO, type RegisteredCandidate } from './factories/candidate.factory';
import { accessibilityViolations, focusedId, launchBrowser, type TestBrowser } from './utils/browser';
import { SETUP_TIMEOUT_MS } from './utils/deadlines';
import { mailedLink, Walk } from './utils/web-journey';
import { startWebStack, type WebStack } from './utils/web-stack';

type Catalogue = typeof en;
const ACTION_TIMEOUT_MS = 60_000;
const SPEC_TIMEOUT_MS = 900_000;

/**
 * The profile wizard beyond the journey: the lists built entry by entry (work experience, several
 * educations), years per occupation and skill levels, all without JavaScript and through the one error
 * pattern; and the ESCO autocomplete island, with JavaScript, as an accessible combobox.
 */
describe('web front end: the candidate profile wizard', () => {
  let stack: WebStack;
  let chromium: TestBrowser;
  let browser: Browser;
  let candidates: CandidateFactory;

  beforeAll(async () => {
    stack = await startWebStack();
    await stack.worker.get(TaxonomyIndexer).rebuild();
    candidates = new CandidateFactory(stack.api);
    chromium = await launchBrowser();
    browser = chromium.browser;
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await chromium?.close();
    await stack?.close();
  });

  /** Without JavaScript: the islands never load (axe-core still runs, from the test's side). */
  async function context(options: { javaScript: boolean; width?: number }): Promise<BrowserContext> {
    const created = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
    created.setDefaultTimeout(ACTION_TIMEOUT_MS);
    if (!options.javaScript) await created.route('**/assets/js/**', (route) => route.abort());
    return created;
  }

  async function signIn(walk: Walk, candidate: RegisteredCandidate, locale: string, t: Catalogue): Promise<void> {
    await walk.goto(`${stack.webUrl}/${locale}/sign-in`, 'sign-in');
    await walk.page.fill('#field-email', candidate.email);
    await walk.page.fill('#field-password', candidate.password);
    await walk.press(t.signIn.submit, 'dashboard');
  }

  async function profileOf(candidate: RegisteredCandidate) {
    const response = await request(stack.api.getHttpServer()).get('/api/v1/candidates/me').auth(candidate.accessToken, { type: 'bearer' }).expect(200);
    return response.body as {
      occupations: Array<{ uri: string; yearsOfExperience: number }>;
      skills: Array<{ uri: string; level?: string | null }>;
      languages: Array<{ code: string; cefr: string }>;
      workExperience: Array<Record<string, unknown>>;
      education: Array<Record<string, unknown>>;
    };
  }

  /** The error summary took the focus and links to these fields, in this order. */
  async function expectErrorSummary(page: Page, fields: string[]): Promise<void> {
    expect(await focusedId(page, 'error-summary')).toBe('error-summary');
    const links = await page.locator('#error-summary a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual(fields.map((name) => `#field-${name}`));
  }

  it('without JavaScript: years, skill levels, several work experiences and educations, with the one error pattern', async () => {
    const candidate = await candidates.registered();
    await request(stack.api.getHttpServer())
      .patch('/api/v1/candidates/me')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ occupations: [{ uri: ESCO.welder, yearsOfExperience: 0 }, { uri: ESCO.nurse, yearsOfExperience: 0 }], skills: [{ uri: ESCO.weldMetal }] })
      .expect(200);
    const ctx = await context({ javaScript: false });
    const walk = new Walk(await ctx.newPage());
    const { page } = walk;
    const base = `${stack.webUrl}/en/candidate/profile`;
    try {
      await signIn(walk, candidate, 'en', en);

      // Step 1: years of experience per occupation.
      await walk.goto(`${base}/1`, 'wizard-1');
      expect(await page.locator('.etp-meta').innerText()).toBe('Step 1 of 6');
      await page.fill('#field-years-0', 'many');
      await walk.press(en.form.continue, 'wizard-1-error');
      await expectErrorSummary(page, ['years-0']);
      expect(await page.inputValue('#field-years-0')).toBe('many');
      // The API keeps its own order of the occupations: each field is found by the occupation it names.
      await page.getByLabel('Years of experience: welder').fill('6');
      await page.getByLabel('Years of experience: specialist nurse').fill('2.5');
      await walk.press(en.form.continue, 'wizard-2');

      // Step 2: the search-and-pick form without JavaScript, then a level per skill.
      await page.fill('#field-q', 'blueprints');
      await walk.press(en.form.search, 'wizard-2-results');
      await walk.press(/read standard blueprints/, 'wizard-2-picked', page.locator('.etp-results'));
      await page.getByLabel('Level: weld metal parts').selectOption('advanced');
      await page.getByLabel('Level: read standard blueprints').selectOption('basic');
      await walk.press(en.form.continue, 'wizard-3');

      // Step 3: a language needs its CEFR level.
      await page.locator('#field-language').selectOption('fr');
      await walk.press(/^Add$/, 'wizard-3-error');
      await expectErrorSummary(page, ['cefr']);
      await page.locator('#field-cefr').selectOption('B2');
      await walk.press(/^Add$/, 'wizard-3-picked');
      await walk.press(en.form.continue, 'wizard-4');

      // Step 4: work experience, entry by entry.
      await walk.press(/^Add$/, 'wizard-4-empty');
      await expectErrorSummary(page, ['occupationUri', 'employerName', 'countryCode', 'startDate']);
      const experience = async (occupation: string, employer: string, from: string, to: string) => {
        await page.locator('#field-occupationUri').selectOption(occupation);
        await page.fill('#field-employerName', employer);
        await page.locator('#field-countryCode').selectOption('MA');
        await page.fill('#field-startDate', from);
        await page.fill('#field-endDate', to);
      };
      await experience(ESCO.welder, 'Atelier de Fès', '2016-03-01', '2015-01-01');
      await walk.press(/^Add$/, 'wizard-4-error');
      await expectErrorSummary(page, ['endDate']);
      expect(await page.locator('#error-summary').innerText()).toContain(en.wizard.endBeforeStart);
      expect(await page.inputValue('#field-employerName')).toBe('Atelier de Fès');
      await page.fill('#field-endDate', '2020-06-30');
      await walk.press(/^Add$/, 'wizard-4-one');
      await experience(ESCO.nurse, 'Clinique Atlas', '2020-09-01', '');
      await walk.press(/^Add$/, 'wizard-4-two');
      expect(await page.locator('.etp-entry').count()).toBe(2);
      await walk.press(en.wizard.edit, 'wizard-4-edit', page.locator('.etp-entry').first());
      expect(await page.locator('#entry-form-title').innerText()).toBe(en.wizard.editExperience);
      expect(await page.inputValue('#field-employerName')).toBe('Atelier de Fès');
      await page.fill('#field-employerName', 'Atelier Métallique de Fès');
      await walk.press(en.wizard.saveEntry, 'wizard-4-edited');
      await walk.press(en.form.remove, 'wizard-4-removed', page.locator('.etp-entry').nth(1));
      expect((await profileOf(candidate)).workExperience).toEqual([
        expect.objectContaining({ occupationUri: ESCO.welder, employerName: 'Atelier Métallique de Fès', countryCode: 'MA', startDate: '2016-03-01', endDate: '2020-06-30' }),
      ]);
      await walk.press(en.form.continue, 'wizard-5');

      // Step 5: several educations.
      const education = async (level: string, studied: string, country: string, year: string) => {
        await page.locator('#field-eqfLevel').selectOption(level);
        await page.fill('#field-field', studied);
        await page.locator('#field-educationCountry').selectOption(country);
        await page.fill('#field-completionYear', year);
        await walk.press(/^Add$/, 'wizard-5-added');
      };
      await education('4', 'Welding', 'MA', 'soon');
      await expectErrorSummary(page, ['completionYear']);
      await page.fill('#field-completionYear', '2015');
      await walk.press(/^Add$/, 'wizard-5-one');
      await education('5', 'Metal work', 'MA', '2017');
      await education('6', 'Nursing', 'TN', '2019');
      await walk.press(en.form.remove, 'wizard-5-removed', page.locator('.etp-entry').nth(1));
      const saved = await profileOf(candidate);
      expect(saved.education).toEqual([
        { eqfLevel: 4, field: 'Welding', countryCode: 'MA', completionYear: 2015 },
        { eqfLevel: 6, field: 'Nursing', countryCode: 'TN', completionYear: 2019 },
      ]);
      expect(Object.fromEntries(saved.occupations.map((o) => [o.uri, o.yearsOfExperience]))).toEqual({ [ESCO.welder]: 6, [ESCO.nurse]: 2.5 });
      expect(Object.fromEntries(saved.skills.map((s) => [s.uri, s.level]))).toEqual({ [ESCO.weldMetal]: 'advanced', [ESCO.readBlueprints]: 'basic' });
      expect(saved.languages).toEqual([{ code: 'fr', cefr: 'B2' }]);

      // "Save and continue later" leads to the dashboard, whose tips point at the last step.
      await walk.press(en.form.saveLater, 'dashboard-saved');
      expect(await walk.text()).toContain(en.wizard.done);
      expect(await page.locator('main a', { hasText: en.candidate.tipStates }).first().getAttribute('href')).toBe('/en/candidate/profile/6');

      // Screenshots of the changed steps, in English and in Arabic (right to left), one with errors.
      for (const [locale, t] of [['en', en], ['ar', ar]] as const) {
        const shots = new Walk(page, `profile-${locale}`);
        for (const step of [1, 2, 4, 5]) await shots.goto(`${stack.webUrl}/${locale}/candidate/profile/${step}`, `wizard-${step}`);
        await shots.goto(`${stack.webUrl}/${locale}/candidate/profile/4?edit=0`, 'wizard-4-edit');
        await shots.goto(`${stack.webUrl}/${locale}/candidate/profile/5`, 'wizard-5-again');
        await shots.press(new RegExp(`^${t.form.add}$`), 'wizard-5-errors');
        expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        walk.violations.push(...shots.violations);
      }
      expect(walk.violations).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, SPEC_TIMEOUT_MS);

  /** Types into the search field until the island shows its suggestions; returns their texts. */
  async function suggestions(page: Page, text: string): Promise<string[]> {
    const field = page.locator('#field-q');
    await field.click();
    await field.press('End');
    await field.pressSequentially(text, { delay: 50 });
    await page.locator('#autocomplete-list [role="option"]').first().waitFor({ state: 'visible' });
    return page.locator('#autocomplete-list [role="option"]').allInnerTexts();
  }

  async function expectCombobox(page: Page, t: Catalogue, locale: string, count: number): Promise<void> {
    const field = page.locator('#field-q');
    expect(await field.getAttribute('role')).toBe('combobox');
    expect(await field.getAttribute('aria-expanded')).toBe('true');
    expect(await field.getAttribute('aria-controls')).toBe('autocomplete-list');
    expect(await page.locator('#autocomplete-list').getAttribute('role')).toBe('listbox');
    expect(await page.locator('#autocomplete-list').getAttribute('aria-label')).toBe(t.wizard.suggestionsLabel);
    const category = new Intl.PluralRules(locale).select(count);
    const announced = (t.wizard as Record<string, string>)[`suggestions_${category}`].replace('{{count}}', String(count));
    expect(await page.locator('#autocomplete-status[role="status"]').innerText()).toBe(announced);
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  /** Arrows down to the suggestion with this text, checks it is the active descendant, and presses Enter. */
  async function choose(page: Page, texts: string[], wanted: string): Promise<void> {
    const index = texts.indexOf(wanted);
    expect(index).toBeGreaterThanOrEqual(0);
    const field = page.locator('#field-q');
    for (let i = 0; i <= index; i++) await field.press('ArrowDown');
    const option = page.locator(`#autocomplete-option-${index}`);
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await field.getAttribute('aria-activedescendant')).toBe(`autocomplete-option-${index}`);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), field.press('Enter')]);
  }

  it('with JavaScript, in French: the occupation field suggests as an accessible combobox, and Enter adds the ESCO concept', async () => {
    const candidate = await candidates.registered();
    const ctx = await context({ javaScript: true });
    const walk = new Walk(await ctx.newPage());
    const { page } = walk;
    try {
      await signIn(walk, candidate, 'fr', fr);
      await walk.goto(`${stack.webUrl}/fr/candidate/profile/1`, 'wizard-1');
      const texts = await suggestions(page, 'soud');
      expect(texts).toContain('soudeur/soudeuse');
      await expectCombobox(page, fr, 'fr', texts.length);
      expect(await page.locator('#autocomplete-option-0').getAttribute('lang')).toBe('fr');
      await choose(page, texts, 'soudeur/soudeuse');
      await walk.landed('wizard-1-picked');
      expect(await page.locator('.etp-picked').innerText()).toContain('soudeur/soudeuse');
      expect((await profileOf(candidate)).occupations.map((o) => o.uri)).toEqual([ESCO.welder]);
      expect(walk.violations).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, SPEC_TIMEOUT_MS);

  it('with JavaScript, on an Arabic page: skill suggestions in the fallback ESCO language, marked with their lang', async () => {
    const candidate = await candidates.registered();
    const ctx = await context({ javaScript: true, width: 360 });
    const walk = new Walk(await ctx.newPage());
    const { page } = walk;
    try {
      await signIn(walk, candidate, 'ar', ar);
      await walk.goto(`${stack.webUrl}/ar/candidate/profile/2`, 'wizard-2');
      const texts = await suggestions(page, 'weld');
      expect(texts).toContain('weld metal parts');
      await expectCombobox(page, ar, 'ar', texts.length);
      expect(await page.locator('#autocomplete-list [role="option"]').evaluateAll((options) => options.map((o) => o.getAttribute('lang')))).toEqual(texts.map(() => 'en'));
      // Escape closes the list; typing on opens it again, with fresh suggestions.
      await page.locator('#field-q').press('Escape');
      expect(await page.locator('#field-q').getAttribute('aria-expanded')).toBe('false');
      const narrower = await suggestions(page, ' metal');
      expect(narrower).toContain('weld metal parts');
      await choose(page, narrower, 'weld metal parts');
      await walk.landed('wizard-2-picked');
      expect((await profileOf(candidate)).skills.map((s) => s.uri)).toEqual([ESCO.weldMetal]);
      expect(await page.locator('.etp-picked span[lang="en"]', { hasText: 'weld metal parts' }).count()).toBeGreaterThan(0);
      expect(walk.violations).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, SPEC_TIMEOUT_MS);

  it('mails in the reader’s language: a French registration’s link leads to the French page, whatever the browser prefers', async () => {
    // A browser that prefers English: the language of the page the candidate registered on wins.
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: { 'accept-language': 'en' } });
    ctx.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const walk = new Walk(await ctx.newPage());
    const { page } = walk;
    try {
      const email = uniqueEmail('web-fr-mail');
      await walk.goto(`${stack.webUrl}/fr/register`, 'register');
      await page.fill('#field-email', email);
      await walk.press(fr.register.submit, 'register-sent');
      const link = await mailedLink(stack, email, 'identity.verify-email');
      expect(link.startsWith(`${stack.webUrl}/fr/verify-email?token=`)).toBe(true);
      await walk.goto(link, 'verify-email');
      expect(new URL(page.url()).pathname).toBe('/fr/verify-email');
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      expect(await page.locator('main h1').innerText()).toBe(fr.verify.title);

      // A language-less link, as older mails carry, still leads to the page in the browser's language.
      await walk.goto(`${stack.webUrl}/verify-email?token=${new URL(link).searchParams.get('token')}`, 'verify-email-en');
      expect(new URL(page.url()).pathname).toBe('/en/verify-email');
      expect(walk.violations).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, SPEC_TIMEOUT_MS);
});

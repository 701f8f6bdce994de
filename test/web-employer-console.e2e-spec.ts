import { ShortageSeeder } from '@app/shortage-occupations';
import { TaxonomyIndexer } from '@app/taxonomy';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ar } from '../apps/web/src/i18n/messages/ar';
import { en } from '../apps/web/src/i18n/messages/en';
import { AccountFactory, type SignedInAccount, strongPassword, uniqueEmail } from './factories/account.factory';
import { CandidateFactory, type RegisteredCandidate } from './factories/candidate.factory';
import { EmployerFactory } from './factories/employer.factory';
import { insertTaxonomyFixture } from './factories/taxonomy.fixture';
import { focusedId, launchBrowser, type TestBrowser } from './utils/browser';
import { SETUP_TIMEOUT_MS } from './utils/deadlines';
import { drainQueues } from './utils/drain';
import { acceptInvitation, addSkills, chooseOccupation, consoleContext, describeJob, openMatch, registerOrganisation } from './utils/web-consoles';
import { Walk } from './utils/web-journey';
import { startWebStack, type WebStack } from './utils/web-stack';

/** Some forty pages, each checked by axe-core and photographed, on a machine shared with other runs. */
const JOURNEY_TIMEOUT_MS = 1_500_000;

/**
 * The employer console in a browser, against the real API, worker and web front end: an organisation
 * registers, is verified by its national contact point, publishes a vacancy for a shortage occupation
 * and sees an explained match; a non-shortage occupation is refused with its reason; talent search keeps
 * its facets in the address; a contact request lands in the vacancy's pipeline. Then every console page
 * again in Arabic, right to left.
 */
describe('web front end: the employer console', () => {
  let stack: WebStack;
  let chromium: TestBrowser;
  let browser: Browser;
  let accounts: AccountFactory;
  let ncp: SignedInAccount;
  let candidates: RegisteredCandidate[];
  /** What the English journey leaves for the Arabic one: the signed-up user and the console's addresses. */
  const journey = { email: '', password: '', vacancyId: '', referenceCode: '' };

  beforeAll(async () => {
    stack = await startWebStack();
    const api = stack.api;
    await api.get(ShortageSeeder).seed();
    // The fixture's fashion designer (ISCO 2163) is on no shortage list.
    await insertTaxonomyFixture(api.get<DataSource>(getDataSourceToken()));
    await stack.worker.get(TaxonomyIndexer).rebuild();
    accounts = new AccountFactory(api);
    const admin = await accounts.admin();
    ncp = await accounts.ncp(admin, 'NL');
    const factory = new CandidateFactory(api);
    candidates = [await factory.active(), await factory.active({ givenName: 'Youssef', phone: '+212 6 98 76 54 32' })];
    chromium = await launchBrowser();
    browser = chromium.browser;
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await chromium?.close();
    await stack?.close();
  });

  async function organisationId(legalName: string): Promise<string> {
    const { body } = await request(stack.api.getHttpServer()).get('/api/v1/employers?status=pending&limit=100').auth(ncp.accessToken, { type: 'bearer' }).expect(200);
    const found = (body.items as Array<{ id: string; legalName: string }>).find((item) => item.legalName === legalName);
    if (!found) throw new Error(`${legalName} is not among the pending employers`);
    return found.id;
  }

  it('in English: registers, is verified, publishes, sees an explained match, is refused outside the list, searches and asks a candidate', async () => {
    const ctx = await consoleContext(browser, 'en-GB,en;q=0.9');
    const walk = new Walk(await ctx.newPage(), 'employer-en');
    const { page } = walk;
    const t = en;
    try {
      const legalName = `Scheepswerf ${Date.now()} B.V.`;
      journey.password = strongPassword();
      journey.email = await registerOrganisation(walk, stack, 'en', t, legalName);
      await acceptInvitation(walk, stack, t, journey.email, journey.password);
      expect(new URL(page.url()).pathname).toBe('/en/employer');
      expect(await page.locator('#organisation-status').innerText()).toBe(t.employer.status.pending);
      expect(await walk.text()).toContain(legalName);
      expect(await walk.text()).toContain(t.employer.status.nextTitle);

      // The national contact point of the Netherlands verifies it (its console is not part of this spec).
      await new EmployerFactory(stack.api, accounts).setStatus(ncp, await organisationId(legalName), 'verified').expect(200);
      await walk.goto(`${stack.webUrl}/en/employer`, 'home');
      expect(await page.locator('#organisation-status').innerText()).toBe(t.employer.status.verified);

      // A vacancy for a shortage occupation: drafted, given skills, published.
      await walk.press(t.employer.nav.vacancies, 'vacancies', page.locator('main'));
      await walk.press(t.employer.vacancies.new, 'vacancy-new');
      expect(await chooseOccupation(walk, t, 'welder', 'vacancy-new')).toContain(t.employer.vacancy.inShortage.replace('{{state}}', 'Netherlands'));
      expect(await page.locator('#competitiveness').count()).toBe(0);
      await describeJob(walk, 'MIG/MAG welder for ship repair');
      await walk.press(t.employer.vacancy.saveDraft, 'vacancy-draft');
      expect(await walk.text()).toContain(t.employer.vacancy.saved);
      journey.vacancyId = new URL(page.url()).pathname.split('/').pop() ?? '';
      await addSkills(walk, t, ['weld metal parts', 'blueprints']);
      await walk.press(t.employer.vacancy.publish, 'vacancy-published');
      expect(await walk.text()).toContain(t.employer.vacancy.published);
      expect(await page.locator('#vacancy-status').innerText()).toBe(t.employer.status.published);

      // Its matches, each with the reasons of its score.
      const card = await openMatch(walk, stack, 'en', journey.vacancyId, candidates[0].referenceCode);
      expect(await card.locator('details').innerText()).toContain(t.employer.matches.matchedSkills);
      expect(await card.locator('details li', { hasText: 'weld metal parts' }).count()).toBe(1);

      // An occupation on no list is refused at publication, with the reason on the form.
      await walk.goto(`${stack.webUrl}/en/employer/vacancies/new`, 'vacancy-new-2');
      expect(await chooseOccupation(walk, t, 'fashion designer', 'vacancy-other')).toContain(t.employer.vacancy.notInShortage.replace('{{state}}', 'Netherlands'));
      expect(await page.locator('#competitiveness').count()).toBe(1);
      await describeJob(walk, 'Fashion designer for workwear');
      await walk.press(t.employer.vacancy.publish, 'vacancy-refused');
      const summary = await page.locator('#error-summary').innerText();
      expect(summary).toContain('cannot be published: its occupation is not on the shortage list of Netherlands');
      expect(await focusedId(page, 'error-summary')).toBe('error-summary');

      // Talent search: a facet in the address, which the back button brings back.
      await drainQueues(stack.api, ['candidates']);
      await walk.goto(`${stack.webUrl}/en/employer/talent`, 'talent');
      expect(await page.locator('#results-title').innerText()).toBe('2 profiles');
      await page.locator('label[for="field-residenceCountries-MA"]').click();
      await walk.press(t.employer.talent.apply, 'talent-filtered', page.locator('form[role="search"]'));
      const filtered = page.url();
      expect(new URL(filtered).searchParams.getAll('residenceCountries')).toEqual(['MA']);
      expect(await page.locator('label[for="field-residenceCountries-MA"]').innerText()).toContain('(2)');
      await walk.press(candidates[0].referenceCode, 'talent-profile');
      expect(await walk.text()).toContain(t.employer.profile.pseudonymised);
      expect(await walk.text()).not.toContain('El Idrissi');
      await page.goBack();
      await walk.landed('talent-back');
      expect(page.url()).toBe(filtered);
      expect(await page.locator('#field-residenceCountries-MA').isChecked()).toBe(true);
      await page.fill('#field-name', 'Moroccan welders');
      await walk.press(t.employer.saved.save, 'saved-searches');
      await walk.press('Moroccan welders', 'saved-search-opened', page.locator('#saved-searches'));
      expect(new URL(page.url()).searchParams.getAll('residenceCountries')).toEqual(['MA']);

      // A contact request from the profile lands in the vacancy's pipeline.
      journey.referenceCode = candidates[1].referenceCode;
      await walk.goto(`${stack.webUrl}/en/employer/talent/${journey.referenceCode}`, 'talent-profile-2');
      await page.fill('#field-message', 'Our yard in Rotterdam needs welders like you. Would you like to talk?');
      await walk.press(t.employer.profile.send, 'pipeline');
      expect(await walk.text()).toContain(t.employer.pipeline.requested);
      expect(await page.locator('#column-contacted').innerText()).toContain(journey.referenceCode);
      await walk.press(journey.referenceCode, 'pipeline-entry', page.locator('#column-contacted'));
      expect(await page.locator('#entry-stage').innerText()).toBe(t.employer.stage.contacted);

      // Colleagues: the organisation's administrator invites a recruiter.
      await walk.goto(`${stack.webUrl}/en/employer/colleagues`, 'colleagues');
      await page.fill('#field-email', uniqueEmail('recruiter'));
      await walk.press(t.employer.colleagues.inviteSubmit, 'colleague-invited');
      expect(await walk.text()).toContain(t.employer.colleagues.done_invited);
      await walk.goto(`${stack.webUrl}/en/employer/notifications`, 'notifications');
      await walk.goto(`${stack.webUrl}/en/employer/vacancies`, 'vacancies-list');
      expect(await page.getAttribute('html', 'dir')).toBe('ltr');
      expect(walk.violations).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, JOURNEY_TIMEOUT_MS);

  it('in Arabic, right to left: the registration, the status page and every console page', async () => {
    const ctx = await consoleContext(browser, 'ar');
    const walk = new Walk(await ctx.newPage(), 'employer-ar');
    const { page } = walk;
    try {
      const email = await registerOrganisation(walk, stack, 'ar', ar, 'مؤسسة الميناء للتجارة B.V.');
      await acceptInvitation(walk, stack, ar, email, strongPassword());
      expect(await page.locator('#organisation-status').innerText()).toBe(ar.employer.status.pending);
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      await walk.press(ar.nav.signOut, 'signed-out', page.locator('header'));

      await page.fill('#field-email', journey.email);
      await page.fill('#field-password', journey.password);
      await walk.press(ar.signIn.submit, 'home');
      const vacancy = `/employer/vacancies/${journey.vacancyId}`;
      for (const path of [
        '/employer/vacancies',
        '/employer/vacancies/new?q=welder',
        vacancy,
        `${vacancy}/matches`,
        `${vacancy}/pipeline`,
        `${vacancy}/pipeline/${journey.referenceCode}`,
        '/employer/talent?residenceCountries=MA',
        `/employer/talent/${journey.referenceCode}`,
        '/employer/saved-searches',
        '/employer/notifications',
        '/employer/colleagues',
      ]) {
        await walk.goto(`${stack.webUrl}/ar${path}`, path.replace(/[/?=]/g, '_').replace(journey.vacancyId, 'vacancy').replace(journey.referenceCode, 'profile'));
      }
      expect(await page.getAttribute('html', 'lang')).toBe('ar');
      expect(walk.violations).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, JOURNEY_TIMEOUT_MS);
});

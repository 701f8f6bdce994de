import type { Browser, BrowserContext, Locator } from 'playwright-core';
import type { en } from '../../apps/web/src/i18n/messages/en';
import { uniqueEmail } from '../factories/account.factory';
import { CONDITION_DEADLINE_MS } from './deadlines';
import { drainQueues } from './drain';
import { waitFor } from './wait-for';
import { mailedLink, type Walk } from './web-journey';
import type { WebStack } from './web-stack';

/** The English catalogue's shape, which every language's catalogue shares. */
export type Catalogue = typeof en;

/** A single click or fill on a shared machine: generous, so only a real failure stops it. */
export const ACTION_TIMEOUT_MS = 60_000;

/** A person's own browser: its own cookies, a 1280 px wide window, its language preference. */
export async function consoleContext(browser: Browser, locale: string): Promise<BrowserContext> {
  const created = await browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: { 'accept-language': locale } });
  created.setDefaultTimeout(ACTION_TIMEOUT_MS);
  return created;
}

/** The sign-in form, filled in with an account's address and password. */
export async function signIn(
  walk: Walk,
  stack: WebStack,
  locale: string,
  t: Catalogue,
  account: { email: string; password: string },
  landing: string,
): Promise<void> {
  await walk.goto(`${stack.webUrl}/${locale}/sign-in`, 'sign-in');
  await walk.page.fill('#field-email', account.email);
  await walk.page.fill('#field-password', account.password);
  await walk.press(t.signIn.submit, landing);
}

/** The public registration form for a Dutch organisation, filled in and sent; the contact person's address. */
export async function registerOrganisation(walk: Walk, stack: WebStack, locale: string, t: Catalogue, legalName: string): Promise<string> {
  const { page } = walk;
  const email = uniqueEmail('employer');
  await walk.goto(`${stack.webUrl}/${locale}/`, 'landing');
  await walk.press(t.employer.register.link, 'register-organisation');
  await page.fill('#field-legalName', legalName);
  await page.locator('#field-memberState').selectOption('NL');
  await page.fill('#field-registrationNumber', `KVK ${Date.now().toString().slice(-8)}`);
  await page.fill('#field-description', 'Shipbuilding and ship repair in the port of Rotterdam.');
  await page.fill('#field-contactName', 'Ana Lopes');
  await page.fill('#field-contactEmail', email);
  await page.fill('#field-contactPhone', '+31 20 123 4567');
  await walk.press(t.employer.register.submit, 'registered');
  if (!(await walk.text()).includes(t.employer.register.sentTitle)) throw new Error('The registration was not confirmed');
  return email;
}

/** The invitation link from the local mailbox: a password chosen, then signed in. */
export async function acceptInvitation(walk: Walk, stack: WebStack, t: Catalogue, email: string, password: string): Promise<void> {
  const { page } = walk;
  await walk.goto(await mailedLink(stack, email, 'identity.invitation'), 'set-password');
  await page.fill('#field-password', password);
  await page.fill('#field-confirm', password);
  await walk.press(t.reset.submit, 'password-set');
  await walk.press(t.nav.signIn, 'sign-in');
  await page.fill('#field-email', email);
  await page.fill('#field-password', password);
  await walk.press(t.signIn.submit, 'organisation-status');
}

/** Searches an occupation on the vacancy editor and picks it; returns the shortage check shown on the page. */
export async function chooseOccupation(walk: Walk, t: Catalogue, text: string, name: string): Promise<string> {
  await walk.page.fill('#field-q', text);
  await walk.press(t.form.search, `${name}-search`);
  await walk.press(new RegExp(text), `${name}-chosen`, walk.page.locator('#occupation-results'));
  return walk.page.locator('#shortage-check').innerText();
}

/** The vacancy editor's title, description and place of work. */
export async function describeJob(walk: Walk, title: string): Promise<void> {
  await walk.page.fill('#field-title', title);
  await walk.page.fill('#field-description', 'Welding of steel hull sections in a ship repair yard, day shifts.');
  await walk.page.fill('#field-city', 'Rotterdam');
}

/** Adds skills to the open vacancy draft, each searched and picked from the results. */
export async function addSkills(walk: Walk, t: Catalogue, skills: string[]): Promise<void> {
  for (const skill of skills) {
    await walk.page.fill('#field-skill', skill);
    await walk.press(t.form.search, 'vacancy-skill-search', walk.page.locator('#skills'));
    await walk.press(new RegExp(skill), 'vacancy-skill-added', walk.page.locator('#skill-results'));
  }
}

/** The vacancy's match page, reloaded until the candidate is among its matches; the candidate's card. */
export async function openMatch(walk: Walk, stack: WebStack, locale: string, vacancyId: string, referenceCode: string): Promise<Locator> {
  const { page } = walk;
  await drainQueues(stack.api, ['vacancies', 'matching', 'candidates']);
  await waitFor(
    async () => {
      await page.goto(`${stack.webUrl}/${locale}/employer/vacancies/${vacancyId}/matches`);
      return (await walk.text()).includes(referenceCode);
    },
    { timeoutMs: CONDITION_DEADLINE_MS, what: 'the candidate among the vacancy’s matches' },
  );
  await walk.landed('matches');
  const card = page.locator('main li.etp-card', { hasText: referenceCode });
  // The first explanation is open; the others open on a click of their summary.
  if ((await card.locator('details').getAttribute('open')) === null) await card.locator('summary').click();
  return card;
}

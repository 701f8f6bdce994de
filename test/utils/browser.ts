import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium: the suite never downloads a browser (.ci/run installs the package when missing). */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS_DIR = join(__dirname, '../../.data/screenshots');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  // Each launch runs on a fresh temporary profile (--user-data-dir) that playwright creates and removes.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** A context that fails the test on any request to another host than the web app. */
export async function newContext(
  browser: Browser,
  webUrl: string,
  width = 1280,
): Promise<{ context: BrowserContext; page: Page; foreign: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const foreign: string[] = [];
  const origin = new URL(webUrl).origin;
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) foreign.push(url);
  });
  return { context, page: await context.newPage(), foreign };
}

export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: string[];
}

/** axe-core at the WCAG 2.1 A and AA tags; the violations, each with the selectors of its nodes. */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

/**
 * The page at 360 px and 1280 px wide, full length, into the git-ignored screenshots folder; fails
 * when, at 360 px, a table shows a data cell without its column's name (see `unnamedTableCells`),
 * or when a field in error is drawn as if valid (see `unmarkedInvalidFields`).
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}-${width}.png`), fullPage: true });
    const unnamed = width === 360 ? await unnamedTableCells(page) : [];
    if (unnamed.length)
      throw new Error(
        `${name} at 360 px: table cells shown without their column's name: ${unnamed.join('; ')}`,
      );
  }
  const unmarked = await unmarkedInvalidFields(page);
  if (unmarked.length) throw new Error(`${name}: fields in error drawn as if valid: ${unmarked.join(', ')}`);
  await page.setViewportSize(viewport);
}

/**
 * On a narrow screen ECL stacks a table's rows and shows each cell beside its column's name, which
 * it reads from the cell: the body data cells of stacked tables whose name shows empty, as
 * `table id: cell text`.
 */
async function unnamedTableCells(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('table.ecl-table:not(.ecl-table--simple) > tbody td'))
      .filter((cell) => {
        const name = getComputedStyle(cell, '::before').content;
        return name === '""' || name === "''";
      })
      .map((cell) => `${cell.closest('table')?.id ?? '?'}: ${(cell.textContent ?? '').trim().slice(0, 40)}`),
  );
}

/**
 * The ids of the fields marked invalid (`aria-invalid`) whose border is not drawn in the error
 * colour, as the design system draws a field in error: a field that looks valid beside its message.
 */
async function unmarkedInvalidFields(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--ecl-color-error)';
    document.body.append(probe);
    const error = getComputedStyle(probe).color;
    probe.remove();
    // A checkbox or radio button is drawn as the box in its label.
    const drawn = (field: HTMLElement): Element | null => {
      if (!['checkbox', 'radio'].includes((field as HTMLInputElement).type)) return field;
      const label = `label[for="${CSS.escape(field.id)}"]`;
      return document.querySelector(`${label} .ecl-checkbox__box, ${label} .ecl-radio__box`);
    };
    return Array.from(document.querySelectorAll<HTMLElement>('[aria-invalid="true"]'))
      .filter((field) => {
        const shown = drawn(field);
        return !shown || getComputedStyle(shown).borderTopColor !== error;
      })
      .map((field) => field.id || field.tagName.toLowerCase());
  });
}

/**
 * The id of the focused element once focus has reached `id`, or whatever has it after 30 s. A form's
 * answer is a new page whose script moves the focus after load, and a click does not wait for it.
 */
export async function focusedId(page: Page, id: string): Promise<string | undefined> {
  await page
    .waitForFunction((expected) => document.activeElement?.id === expected, id, { timeout: 30_000 })
    .catch(() => undefined);
  return page.evaluate(() => document.activeElement?.id);
}

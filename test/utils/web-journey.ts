import type { Page } from 'playwright-core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { accessibilityViolations, type AxeViolation, screenshots } from './browser';
import { DRAIN_DEADLINE_MS } from './deadlines';
import { waitFor } from './wait-for';
import type { WebStack } from './web-stack';

/**
 * A browser walking the site: after every page it lands on, axe-core checks it (violations are
 * collected per address) and, when asked, screenshots are taken.
 */
export class Walk {
  readonly violations: Array<{ url: string; violations: AxeViolation[] }> = [];

  constructor(
    readonly page: Page,
    private readonly shots?: string,
  ) {}

  async landed(name: string): Promise<void> {
    if (process.env.WEB_JOURNEY_TRACE) process.stdout.write(`[walk] ${name} ${this.page.url()}\n`);
    await this.page.waitForLoadState('load');
    const url = new URL(this.page.url()).pathname;
    const violations = await accessibilityViolations(this.page);
    if (violations.length) this.violations.push({ url, violations });
    if (this.shots) await screenshots(this.page, `${this.shots}-${name}`);
  }

  async goto(url: string, name: string): Promise<void> {
    await this.page.goto(url);
    await this.landed(name);
  }

  /** Clicks a submit button or link and waits for the page it leads to. */
  async press(name: string | RegExp, landing: string, scope = this.page.locator('main')): Promise<void> {
    const target = scope.getByRole('button', { name }).or(scope.getByRole('link', { name })).first();
    // Every button and link of these pages loads a new page (forms post, then redirect).
    await Promise.all([this.page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
    await this.landed(landing);
  }

  async text(): Promise<string> {
    return this.page.locator('main').innerText();
  }
}

/** The link of the newest mail of this template to this address, as the mailbox holds it. */
export async function mailedLink(stack: WebStack, email: string, template: string): Promise<string> {
  const dataSource = stack.api.get<DataSource>(getDataSourceToken());
  const mailboxDir = stack.api.get<AppConfig>(APP_CONFIG).mail.mailboxDir;
  const id = await waitFor(
    async () => {
      const [row]: { id: string }[] = await dataSource.query(
        'SELECT id FROM mail_messages WHERE to_address = $1 AND template = $2 ORDER BY created_at DESC LIMIT 1',
        [email, template],
      );
      return row?.id;
    },
    { what: `a ${template} mail to the candidate` },
  );
  const mail = await waitFor(
    async () => JSON.parse(await readFile(join(mailboxDir, `${id}.json`), 'utf8')) as { text: string },
    { timeoutMs: DRAIN_DEADLINE_MS, what: 'the mail in the local mailbox' },
  );
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`No link in the ${template} mail`);
  return link;
}

import type { Translate } from '../i18n/i18n';
import type { Locale } from '../i18n/locales';
import type { WebRole } from '../session/web-session';

/** What every page needs to render: language, the form token and whether someone is signed in. */
export interface PageContext {
  readonly locale: Locale;
  readonly dir: 'ltr' | 'rtl';
  readonly t: Translate;
  readonly csrf: string;
  readonly signedIn: boolean;
  /** The signed-in account's kind, which picks the menu; absent when nobody is signed in. */
  readonly role?: WebRole;
  /** Notifications not read yet, for the menu's badge (signed-in pages whose menu shows it). */
  readonly unread?: number;
  /** The current path without its locale prefix (`/jobs?q=…`), for the language switcher. */
  readonly path: string;
}

/** A path of this site in the page's language. */
export function href(ctx: Pick<PageContext, 'locale'>, path: string): string {
  return `/${ctx.locale}${path === '/' ? '/' : path}`;
}

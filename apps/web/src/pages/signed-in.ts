import type { Request, Response } from 'express';
import type { ApiClient } from '../api/web-api';
import type { Locale } from '../i18n/locales';
import type { WebRole } from '../session/web-session';
import { NAVIGATION } from '../views/navigation';
import type { PageContext } from '../views/page-context';
import type { Pages } from './pages.service';

export interface SignedInRequest {
  ctx: PageContext;
  api: ApiClient;
}

/**
 * The page context and API of a signed-in account of the given kind. Anyone else gets an answer
 * instead (then null): a redirect to sign in, or a 403 page for another kind of account. The API
 * still checks every call; this only keeps people on pages meant for them.
 */
export async function signedInRequest(
  pages: Pages,
  req: Request,
  res: Response,
  locale: Locale,
  role: WebRole,
): Promise<SignedInRequest | null> {
  const { ctx, session } = await pages.open(req, res, locale);
  const api = await pages.authenticated(req, session);
  if (!api || !session.account) {
    pages.redirect(res, ctx, '/sign-in');
    return null;
  }
  const signed: PageContext = { ...ctx, signedIn: true, role: session.account.role };
  if (session.account.role !== role) {
    pages.forbidden(res, signed);
    return null;
  }
  return { ctx: { ...signed, unread: await unreadCount(api, role) }, api };
}

/** How many notifications wait unread, when this kind of account's menu shows it (one small call). */
async function unreadCount(api: ApiClient, role: WebRole): Promise<number | undefined> {
  if (!NAVIGATION[role].some((item) => item.badge === 'unread')) return undefined;
  const { data } = await api.GET('/api/v1/me/notifications', { params: { query: { unread: true, limit: 1 } } });
  return data?.total;
}

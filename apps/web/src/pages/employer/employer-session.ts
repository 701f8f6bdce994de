import type { Request, Response } from 'express';
import type { ApiClient, Schemas } from '../../api/web-api';
import type { Locale } from '../../i18n/locales';
import type { PageContext } from '../../views/page-context';
import type { Pages } from '../pages.service';
import { signedInRequest, type SignedInRequest } from '../signed-in';

export type EmployerRequest = SignedInRequest;
export type Organisation = Schemas['EmployerResponse'];

/** The signed-in employer user's page context and API, or a redirect to sign in / a 403 page (then null). */
export function employerRequest(pages: Pages, req: Request, res: Response, locale: Locale): Promise<EmployerRequest | null> {
  return signedInRequest(pages, req, res, locale, 'employer');
}

export interface EmployerUser {
  account: Schemas['AccountResponse'];
  organisation: Organisation | null;
}

/** Who is signed in and their organisation as the API describes it (its status decides what they may do). */
export async function employerUser(api: ApiClient): Promise<EmployerUser | null> {
  const { data: account } = await api.GET('/api/v1/me');
  if (!account) return null;
  if (!account.organisationId) return { account, organisation: null };
  const { data } = await api.GET('/api/v1/employers/{id}', { params: { path: { id: account.organisationId } } });
  return { account, organisation: data ?? null };
}

/** A query value as one trimmed string of at most `max` characters ('' when absent or repeated oddly). */
export function queryText(value: unknown, max = 200): string {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim().slice(0, max) : '';
}

/** The confirmation a `?done=` redirect asks for, in the page's words; nothing for an unknown key. */
export function doneNotice(ctx: PageContext, notices: Readonly<Record<string, string>>, done: unknown): string | undefined {
  const key = notices[queryText(done, 40)];
  return key ? ctx.t(key) : undefined;
}

import type { Request, Response } from 'express';
import type { ApiClient } from '../../api/web-api';
import type { Locale } from '../../i18n/locales';
import type { PageContext } from '../../views/page-context';
import type { Pages } from '../pages.service';

export interface CandidateRequest {
  ctx: PageContext;
  api: ApiClient;
}

/** The signed-in candidate's page context and API, or a redirect to sign in (then null). */
export async function candidateRequest(pages: Pages, req: Request, res: Response, locale: Locale): Promise<CandidateRequest | null> {
  const { ctx, session } = await pages.open(req, res, locale);
  const api = await pages.authenticated(req, session);
  if (!api) {
    pages.redirect(res, ctx, '/sign-in');
    return null;
  }
  return { ctx: { ...ctx, signedIn: true }, api };
}

import type { Request, Response } from 'express';
import type { Locale } from '../../i18n/locales';
import type { Pages } from '../pages.service';
import { signedInRequest, type SignedInRequest } from '../signed-in';

export type CandidateRequest = SignedInRequest;

/** The signed-in candidate's page context and API, or a redirect to sign in / a 403 page (then null). */
export function candidateRequest(pages: Pages, req: Request, res: Response, locale: Locale): Promise<CandidateRequest | null> {
  return signedInRequest(pages, req, res, locale, 'candidate');
}

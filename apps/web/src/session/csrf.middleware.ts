import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { readCookie, SESSION_COOKIE } from '../http/cookies';
import { SessionStore } from './session.store';

/**
 * Every form carries its session's token; a POST without the right one is refused before any page
 * handles it (SameSite=Lax already keeps the cookie off cross-site posts; this covers the rest).
 */
@Injectable()
export class CsrfMiddleware implements NestMiddleware {
  constructor(private readonly sessions: SessionStore) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (req.method !== 'POST') return next();
    const session = await this.sessions.find(readCookie(req.headers.cookie, SESSION_COOKIE));
    const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
    if (session && typeof sent === 'string' && same(sent, session.csrf)) return next();
    // Back to the form the visitor came from, which renders a fresh token (no Referer is ever sent, so
    // the page is derived from the path: a form posts to its own address).
    res.redirect(303, `${req.path}?expired=1`);
  }
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

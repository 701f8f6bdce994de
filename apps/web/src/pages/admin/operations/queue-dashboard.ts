import type { NextFunction, Request, Response } from 'express';
import type { ModuleRef } from '@nestjs/core';
import { Pages } from '../../pages.service';
import { signedInRequest } from '../../signed-in';

/** Where the third-party queue dashboard (bull-board) is mounted: one address, no language in it. */
export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/**
 * The dashboard's own page runs its own scripts and sets inline styles: on its addresses only, styles
 * may be inline and the page may declare its base address. Everything still comes from this host.
 */
export const QUEUE_DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Administrators only: a signed-in session of an administrator (the web app's session in Redis),
 * as for every page of the console; anyone else is sent to sign in or gets the 403 page. The
 * dashboard's own calls change queues with JSON requests of its script: they are accepted only
 * from this site's pages (the browser says so in Sec-Fetch-Site, or Origin names this host).
 */
export function queueDashboardAccess(moduleRef: ModuleRef) {
  return (req: Request, res: Response, next: NextFunction): void => {
    void (async () => {
      const pages = moduleRef.get(Pages, { strict: false });
      const request = await signedInRequest(pages, req, res, 'en', 'admin');
      if (!request) return;
      if (!['GET', 'HEAD'].includes(req.method) && !sameOrigin(req)) {
        pages.forbidden(res, request.ctx);
        return;
      }
      res.setHeader('Content-Security-Policy', QUEUE_DASHBOARD_CSP);
      res.setHeader('Cache-Control', 'no-store');
      next();
    })().catch(next);
  };
}

function sameOrigin(req: Request): boolean {
  if (req.headers['sec-fetch-site'] === 'same-origin') return true;
  const origin = req.headers.origin;
  return typeof origin === 'string' && origin === `${req.protocol}://${req.headers.host}`;
}

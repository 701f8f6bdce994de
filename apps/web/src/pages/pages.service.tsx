import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { type ApiClient, WebApi } from '../api/web-api';
import { readCookie, SESSION_COOKIE, sessionCookie } from '../http/cookies';
import { translator } from '../i18n/i18n';
import { direction, type Locale } from '../i18n/locales';
import { SessionStore } from '../session/session.store';
import { signedIn, type TokenPair, type WebSession } from '../session/web-session';
import { Layout, PageTitle } from '../views/layout';
import type { PageContext } from '../views/page-context';

export interface PageRequest {
  readonly ctx: PageContext;
  readonly session: WebSession;
}

/** Request plumbing shared by every page: the session, the page context, the API, rendering. */
@Injectable()
export class Pages {
  private readonly secureCookies: boolean;

  constructor(
    private readonly sessions: SessionStore,
    private readonly api: WebApi,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secureCookies = config.web.secureCookies;
  }

  async open(req: Request, res: Response, locale: Locale): Promise<PageRequest> {
    let session = await this.sessions.find(readCookie(req.headers.cookie, SESSION_COOKIE));
    if (!session) {
      session = await this.sessions.create();
      this.setCookie(res, session);
    }
    return { session, ctx: this.context(req, locale, session) };
  }

  context(req: Request, locale: Locale, session: WebSession): PageContext {
    const path = req.originalUrl.replace(/^\/[a-z]{2}(?=\/|$|\?)/, '') || '/';
    return {
      locale,
      dir: direction(locale),
      t: translator(locale),
      csrf: session.csrf,
      signedIn: Boolean(session.account),
      role: session.account?.role,
      path: path.startsWith('/') ? path : `/${path}`,
    };
  }

  /**
   * Starts a signed-in session under a new id; the anonymous one is ended. The API says which kind
   * of account it is, which picks the menu and the home page.
   */
  async signIn(req: Request, res: Response, previous: WebSession, pair: TokenPair): Promise<WebSession> {
    const { data: me } = await this.api.for(req, pair.accessToken).GET('/api/v1/me');
    if (!me) throw new Error('the API did not describe an account it has just signed in');
    await this.sessions.destroy(previous.id);
    const session = await this.sessions.create(signedIn(pair, me.role));
    this.setCookie(res, session);
    return session;
  }

  async signOut(req: Request, res: Response, session: WebSession): Promise<void> {
    if (session.account) {
      await this.api
        .for(req)
        .POST('/api/v1/auth/logout', { body: { refreshToken: session.account.refreshToken } })
        .catch(() => undefined);
    }
    await this.sessions.destroy(session.id);
    const fresh = await this.sessions.create();
    this.setCookie(res, fresh);
  }

  anonymous(req: Request): ApiClient {
    return this.api.for(req);
  }

  /** The API as the signed-in account, refreshing its tokens once for every tab; null when signed out. */
  async authenticated(req: Request, session: WebSession): Promise<ApiClient | null> {
    const token = await this.sessions.accessToken(session, async (refreshToken) => {
      const { data } = await this.api.for(req).POST('/api/v1/auth/refresh', { body: { refreshToken } });
      return data ?? null;
    });
    return token ? this.api.for(req, token) : null;
  }

  send(res: Response, page: VNode, status = 200): void {
    res
      .status(status)
      .type('html')
      // Pages carry personal data and form tokens: never stored by a browser or a proxy.
      .setHeader('Cache-Control', 'no-store')
      .send(`<!DOCTYPE html>${renderToString(page)}`);
  }

  /** A signed-in account asked for a page of another kind of account. */
  forbidden(res: Response, ctx: PageContext): void {
    this.send(
      res,
      <Layout ctx={ctx} title={ctx.t('errors.forbidden')}>
        <PageTitle>{ctx.t('errors.forbidden')}</PageTitle>
        <p>{ctx.t('errors.forbiddenText')}</p>
      </Layout>,
      403,
    );
  }

  redirect(res: Response, ctx: PageContext, path: string): void {
    res.redirect(303, `/${ctx.locale}${path}`);
  }

  private setCookie(res: Response, session: WebSession): void {
    res.append('Set-Cookie', sessionCookie(session.id, this.sessions.maxAgeSeconds, this.secureCookies));
  }
}

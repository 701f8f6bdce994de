import type { ComponentChildren } from 'preact';
import { LOCALE_NAMES, LOCALES } from '../i18n/locales';
import { NAVIGATION } from './navigation';
import { href, type PageContext } from './page-context';

export const STYLESHEETS = ['/assets/ecl/styles/ecl-eu.css', '/assets/web.css'];

export function Layout({ ctx, title, children, scripts = [] }: { ctx: PageContext; title: string; children: ComponentChildren; scripts?: string[] }) {
  const { t, locale } = ctx;
  return (
    <html lang={locale} dir={ctx.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t('site.name')}`}</title>
        {STYLESHEETS.map((sheet) => <link key={sheet} rel="stylesheet" href={sheet} />)}
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        {scripts.map((script) => <script key={script} src={script} defer />)}
      </head>
      <body class="ecl">
        <a class="ecl-skip-link etp-skip" href="#main">{t('site.skip')}</a>
        <header class="etp-header">
          <div class="ecl-container etp-header__top">
            <a class="etp-header__logo" href={href(ctx, '/')}>
              <img src={`/assets/ecl/images/logo/standard-version/positive/logo-eu--${locale}.svg`} alt={t('site.logoAlt')} width="240" height="54" />
            </a>
            <nav class="etp-languages" aria-label={t('site.language')}>
              <ul>
                {LOCALES.map((code) => (
                  <li key={code}>
                    <a class="ecl-link" href={`/${code}${ctx.path}`} lang={code} hrefLang={code} aria-current={code === locale ? 'true' : undefined}>
                      {LOCALE_NAMES[code]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <div class="etp-header__banner">
            <div class="ecl-container etp-header__bar">
              <a class="etp-header__name" href={href(ctx, '/')}>{t('site.name')}</a>
              {/* On phones the menu is one line that scrolls sideways (web.css), so the page starts near the top. */}
              <nav aria-label={t('site.menu')} class="etp-menu">
                <ul>
                  <li><a class="ecl-link ecl-link--inverted" href={href(ctx, '/jobs')}>{t('nav.jobs')}</a></li>
                  {ctx.signedIn ? (
                    <>
                      {NAVIGATION[ctx.role ?? 'candidate'].map((item) => (
                        <li key={item.path}>
                          <a class="ecl-link ecl-link--inverted" href={href(ctx, item.path)} aria-current={current(ctx, item.path) ? 'page' : undefined}>
                            {t(item.label)}
                            {item.badge === 'unread' && ctx.unread ? <UnreadBadge ctx={ctx} count={ctx.unread} /> : null}
                          </a>
                        </li>
                      ))}
                      <li>
                        <form method="post" action={href(ctx, '/sign-out')} class="etp-inline-form">
                          <input type="hidden" name="_csrf" value={ctx.csrf} />
                          <button type="submit" class="etp-link-button">{t('nav.signOut')}</button>
                        </form>
                      </li>
                    </>
                  ) : (
                    <>
                      <li><a class="ecl-link ecl-link--inverted" href={href(ctx, '/sign-in')}>{t('nav.signIn')}</a></li>
                      <li><a class="ecl-link ecl-link--inverted" href={href(ctx, '/register')}>{t('nav.register')}</a></li>
                    </>
                  )}
                </ul>
              </nav>
            </div>
          </div>
        </header>
        <main id="main" class="ecl-container etp-main" tabIndex={-1}>
          {children}
        </main>
        <footer class="etp-footer">
          <div class="ecl-container">
            <p>{t('site.footer')}</p>
            <p>{t('site.esco')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** The number on the menu entry; a screen reader hears the whole phrase ("3 unread") instead of a bare number. */
function UnreadBadge({ ctx, count }: { ctx: PageContext; count: number }) {
  return (
    <>
      <span class="etp-badge" aria-hidden="true"><bdi>{count > 99 ? '99+' : count}</bdi></span>
      <span class="etp-visually-hidden"> ({ctx.t('notices.unread', { count })})</span>
    </>
  );
}

/** Whether a menu entry leads to the page shown. */
function current(ctx: PageContext, path: string): boolean {
  const here = ctx.path.replace(/\?.*$/, '');
  return here === path;
}

export function PageTitle({ children }: { children: ComponentChildren }) {
  return <h1 class="ecl-u-type-heading-1 etp-title">{children}</h1>;
}

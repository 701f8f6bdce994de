import { middlewareErrorStatus } from '@app/common';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../i18n/i18n';
import { direction, isLocale, type Locale } from '../i18n/locales';
import { Layout, PageTitle } from '../views/layout';
import type { PageContext } from '../views/page-context';

/** Unknown pages and failures answer as pages of the site, in the language of the address. */
@Catch()
export class PageErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    // A body the parser refused (too large, unreadable) is the request's fault, not a failure.
    const unreadable = middlewareErrorStatus(exception);
    const status = exception instanceof HttpException ? exception.getStatus() : (unreadable ?? 500);
    const segment = req.path.split('/')[1];
    const locale: Locale = isLocale(segment) ? segment : 'en';
    const t = translator(locale);
    if (status >= 500) {
      const errorId = randomUUID();
      this.logger.error({ errorId, err: exception }, 'page failed');
    }
    const ctx: PageContext = { locale, dir: direction(locale), t, csrf: '', signedIn: false, path: '/' };
    const notFound = exception instanceof NotFoundException;
    const [title, text] = notFound
      ? [t('errors.notFound'), t('errors.notFoundText')]
      : unreadable === 413
        ? [t('errors.tooLarge'), t('errors.tooLargeText')]
        : unreadable
          ? [t('errors.unreadable'), t('errors.unreadableText')]
          : [t('errors.generic'), undefined];
    if (res.headersSent) return;
    res
      .status(status)
      .type('html')
      .setHeader('Cache-Control', 'no-store')
      .send(
        `<!DOCTYPE html>${renderToString(
          <Layout ctx={ctx} title={title}>
            <PageTitle>{title}</PageTitle>
            {text ? <p>{text}</p> : null}
          </Layout>,
        )}`,
      );
  }
}

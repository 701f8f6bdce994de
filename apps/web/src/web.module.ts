import { ConfigModule } from '@app/config';
import { LoggingModule } from '@app/logging';
import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { WebApi } from './api/web-api';
import { AccountController } from './pages/account/account.controller';
import { ActivityController } from './pages/candidate/activity.controller';
import { CandidateController } from './pages/candidate/candidate.controller';
import { NoticesController } from './pages/candidate/notices.controller';
import { PageErrorsFilter } from './pages/page-errors.filter';
import { Pages } from './pages/pages.service';
import { LocaleRedirectController, PublicController } from './pages/public/public.controller';
import { UnsubscribeController } from './pages/public/unsubscribe.controller';
import { CsrfMiddleware } from './session/csrf.middleware';
import { SessionStore } from './session/session.store';

@Module({
  imports: [ConfigModule, LoggingModule.forService('web')],
  // The redirects of language-less addresses come first: `/:locale` would otherwise take them.
  controllers: [
    LocaleRedirectController,
    UnsubscribeController,
    PublicController,
    AccountController,
    CandidateController,
    ActivityController,
    NoticesController,
  ],
  providers: [SessionStore, WebApi, Pages, { provide: APP_FILTER, useClass: PageErrorsFilter }],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(CsrfMiddleware)
      // The signed token of an unsubscribe link is its own authority (see UnsubscribeController).
      .exclude(
        { path: 'alerts/unsubscribe/:token', method: RequestMethod.POST },
        { path: ':locale/alerts/unsubscribe/:token', method: RequestMethod.POST },
      )
      .forRoutes({ path: '{*path}', method: RequestMethod.POST });
  }
}

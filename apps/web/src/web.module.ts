import { ConfigModule } from '@app/config';
import { LoggingModule } from '@app/logging';
import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { WebApi } from './api/web-api';
import { AccountController } from './pages/account/account.controller';
import { AdminHomeController } from './pages/admin/admin-home.controller';
import { PolicyController } from './pages/admin/policy.controller';
import { OperationsController } from './pages/admin/operations/operations.controller';
import { QueueDashboardModule } from './pages/admin/operations/queue-dashboard.module';
import { ActivityController } from './pages/candidate/activity.controller';
import { CandidateController } from './pages/candidate/candidate.controller';
import { ColleaguesController } from './pages/employer/colleagues.controller';
import { InboxController } from './pages/employer/inbox.controller';
import { OrganisationController } from './pages/employer/organisation.controller';
import { PipelineController } from './pages/employer/pipeline.controller';
import { TalentController } from './pages/employer/talent.controller';
import { VacanciesController } from './pages/employer/vacancies.controller';
import { NoticesController } from './pages/candidate/notices.controller';
import { PageErrorsFilter } from './pages/page-errors.filter';
import { Pages } from './pages/pages.service';
import { NcpController } from './pages/ncp/ncp.controller';
import { LocaleRedirectController, PublicController } from './pages/public/public.controller';
import { UnsubscribeController } from './pages/public/unsubscribe.controller';
import { CsrfMiddleware } from './session/csrf.middleware';
import { SessionStore } from './session/session.store';

@Module({
  imports: [ConfigModule, LoggingModule.forService('web'), QueueDashboardModule],
  // The redirects of language-less addresses come first: `/:locale` would otherwise take them.
  controllers: [
    LocaleRedirectController,
    UnsubscribeController,
    PublicController,
    AccountController,
    CandidateController,
    ActivityController,
    NcpController,
    AdminHomeController,
    PolicyController,
    OperationsController,
    OrganisationController,
    ColleaguesController,
    VacanciesController,
    PipelineController,
    TalentController,
    InboxController,
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
        // The queue dashboard's script posts JSON; its access check admits only this site's own requests.
        { path: 'admin/queues/{*path}', method: RequestMethod.POST },
      )
      .forRoutes({ path: '{*path}', method: RequestMethod.POST });
  }
}

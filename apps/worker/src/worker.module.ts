import { CandidatesModule } from '@app/candidates';
import { ConfigModule } from '@app/config';
import { ConsistencyModule } from '@app/consistency';
import { DatabaseModule } from '@app/database';
import { IdentityModule } from '@app/identity';
import { LoggingModule } from '@app/logging';
import { MailModule } from '@app/mail';
import { MatchingModule } from '@app/matching';
import { NotificationsModule } from '@app/notifications';
import { QueueModule } from '@app/queue';
import { SearchModule } from '@app/search';
import { TaxonomySearchModule } from '@app/taxonomy';
import { VacanciesModule, VacanciesSearchModule } from '@app/vacancies';
import { PartnerCountryAdministrationModule } from '@app/partner-country-administration';
import { Module } from '@nestjs/common';
import { CandidatesProcessor } from './processors/candidates.processor';
import { MailProcessor } from './processors/mail.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { MatchingProcessor } from './processors/matching.processor';
import { MatchingShardWorkers } from './processors/matching-shards.workers';
import { NotificationsProcessor } from './processors/notifications.processor';
import { SearchIndexingProcessor } from './processors/search-indexing.processor';
import { VacanciesProcessor } from './processors/vacancies.processor';
import { WebhooksProcessor } from './processors/webhooks.processor';
import { WorkerService } from './worker.service';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forService('worker'),
    DatabaseModule,
    QueueModule,
    SearchModule,
    TaxonomySearchModule,
    MailModule,
    IdentityModule,
    VacanciesModule,
    VacanciesSearchModule,
    PartnerCountryAdministrationModule,
    CandidatesModule,
    MatchingModule,
    ConsistencyModule,
    NotificationsModule,
  ],
  providers: [
    MaintenanceProcessor,
    SearchIndexingProcessor,
    MailProcessor,
    VacanciesProcessor,
    CandidatesProcessor,
    MatchingProcessor,
    MatchingShardWorkers,
    NotificationsProcessor,
    WebhooksProcessor,
    WorkerService,
  ],
})
export class WorkerModule {}

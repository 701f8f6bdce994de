import { APP_CONFIG, type AppConfig } from '@app/config';
import { isJobName, JOB_QUEUE, JobProducer, OutboxRelay, type JobName } from '@app/queue';
import { SearchIndexes } from '@app/search';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CandidatesProcessor } from './processors/candidates.processor';
import { MailProcessor } from './processors/mail.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { MatchingProcessor } from './processors/matching.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { SearchIndexingProcessor } from './processors/search-indexing.processor';
import { VacanciesProcessor } from './processors/vacancies.processor';
import { WebhooksProcessor } from './processors/webhooks.processor';
import type { TypedProcessor } from './processors/typed-processor';
import { schedules } from './schedules';

/** Boot sequence of the worker: check handlers, apply index settings, schedule jobs, relay the outbox. */
@Injectable()
export class WorkerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerService.name);
  private readonly processors: TypedProcessor<never>[];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobProducer,
    private readonly relay: OutboxRelay,
    private readonly indexes: SearchIndexes,
    maintenance: MaintenanceProcessor,
    searchIndexing: SearchIndexingProcessor,
    mail: MailProcessor,
    vacancies: VacanciesProcessor,
    candidates: CandidatesProcessor,
    matching: MatchingProcessor,
    notifications: NotificationsProcessor,
    webhooks: WebhooksProcessor,
  ) {
    this.processors = [
      maintenance,
      searchIndexing,
      mail,
      vacancies,
      candidates,
      matching,
      notifications,
      webhooks,
    ] as TypedProcessor<never>[];
  }

  async onApplicationBootstrap(): Promise<void> {
    this.assertEveryJobHasHandler();
    for (const processor of this.processors)
      processor.worker.concurrency = processor.concurrency ?? this.config.queue.concurrency;
    await this.indexes.applyAll();
    for (const schedule of schedules(this.config)) {
      await this.jobs
        .queueFor(schedule.name)
        .upsertJobScheduler(
          schedule.id,
          { every: schedule.everyMs },
          { name: schedule.name, data: schedule.data },
        );
    }
    this.relay.start();
    this.logger.log(`Worker ready: ${this.processors.length} queue(s), outbox relay running`);
  }

  private assertEveryJobHasHandler(): void {
    const missing = jobsWithoutHandler(this.processors.flatMap((processor) => processor.handledJobs()));
    if (missing.length > 0) throw new Error(`Jobs without a handler: ${missing.join(', ')}`);
  }
}

/** The worker refuses to boot when a job of the job map has no processor handling it. */
export function jobsWithoutHandler(handled: readonly string[]): JobName[] {
  const known = new Set(handled);
  return Object.keys(JOB_QUEUE).filter((name): name is JobName => isJobName(name) && !known.has(name));
}

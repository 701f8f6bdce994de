import { APP_CONFIG, type AppConfig } from '@app/config';
import { isJobName, JOB_QUEUE, JobProducer, OutboxRelay, type JobName } from '@app/queue';
import { SearchIndexes } from '@app/search';
import { TaxonomyIndexer } from '@app/taxonomy';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { CandidatesProcessor } from './processors/candidates.processor';
import { MailProcessor } from './processors/mail.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { MatchingProcessor } from './processors/matching.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { SearchIndexingProcessor } from './processors/search-indexing.processor';
import { VacanciesProcessor } from './processors/vacancies.processor';
import { WebhooksProcessor } from './processors/webhooks.processor';
import { DEPENDENCY_PAUSE_MS, type TypedProcessor } from './processors/typed-processor';
import { schedules } from './schedules';

/** Longest wait between two attempts to apply the index settings while the engine is away. */
const SETTINGS_RETRY_MAX_MS = 30_000;

/**
 * Boot sequence of the worker: check handlers, schedule jobs, relay the outbox, apply the index
 * settings. The search engine may be away at boot: the worker starts all the same, holds back the
 * queues that write to the engine, and releases them once the settings are applied. Then, should
 * the engine serve no taxonomy beside an imported one (a new engine, or one that lost its data),
 * the worker rebuilds it: no import is coming to do so, and the API is not ready without it.
 */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkerService.name);
  private readonly processors: TypedProcessor<never>[];
  private readonly searchWriters: TypedProcessor<never>[];
  private readonly stopping = new AbortController();
  private settingsApplied?: Promise<void>;
  private taxonomyServed?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobProducer,
    private readonly relay: OutboxRelay,
    private readonly indexes: SearchIndexes,
    private readonly taxonomy: TaxonomyIndexer,
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
    this.searchWriters = [searchIndexing, vacancies, candidates] as TypedProcessor<never>[];
  }

  async onApplicationBootstrap(): Promise<void> {
    this.assertEveryJobHasHandler();
    for (const processor of this.processors)
      processor.worker.concurrency = processor.concurrency ?? this.config.queue.concurrency;
    const settingsApplied = await this.applyIndexSettings();
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
    if (settingsApplied) this.taxonomyServed = this.serveTaxonomy();
    else this.settingsApplied = this.retryIndexSettings();
    this.logger.log(`Worker ready: ${this.processors.length} queue(s), outbox relay running`);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await this.settingsApplied;
    await this.taxonomyServed;
  }

  /** Whether the index settings could be applied now. */
  private async applyIndexSettings(): Promise<boolean> {
    try {
      await this.indexes.applyAll();
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Search index settings not applied (${reason}); indexing waits until they are`);
      return false;
    }
  }

  /** Holds the indexing queues back and tries again, pausing longer each time, until the settings take. */
  private async retryIndexSettings(): Promise<void> {
    await Promise.all(this.searchWriters.map((processor) => processor.worker.pause(true)));
    for (let delay = DEPENDENCY_PAUSE_MS; !this.stopping.signal.aborted;) {
      await sleep(delay, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      if (this.stopping.signal.aborted) return;
      if (await this.applyIndexSettings()) {
        await Promise.all(this.searchWriters.map((processor) => processor.worker.resume()));
        this.logger.log('Search index settings applied; indexing resumes');
        this.taxonomyServed = this.serveTaxonomy();
        return;
      }
      delay = Math.min(2 * delay, SETTINGS_RETRY_MAX_MS);
    }
  }

  /**
   * Rebuilds the taxonomy indexes when the engine serves none of an imported release. Runs beside
   * the queues; a failure is logged, and the consistency check's repair remains the way back.
   */
  private async serveTaxonomy(): Promise<void> {
    try {
      await this.taxonomy.rebuildIfUnserved();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Could not check that the search engine serves the taxonomy (${reason})`);
    }
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

import { CandidateIndexer, CandidateLifecycle, type CandidateToSync } from '@app/candidates';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { ConcurrencyLimit, JobBatcher, type JobHandlers } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { TypedProcessor } from './typed-processor';

/**
 * A job waits for the rest of its batch and for the engine's write, and the worker's event loop is
 * shared with matching: a lock longer than BullMQ's 30 s default keeps a busy worker from having its
 * jobs declared stalled and handed out twice (harmless, since they are idempotent, but wasted).
 */
@Processor('candidates', { lockDuration: 120_000 })
export class CandidatesProcessor extends TypedProcessor<'candidates'> {
  /** Profile changes arriving together share one read and one engine write. */
  private readonly syncs: JobBatcher<CandidateToSync, 'upserted' | 'removed'>;
  /** The other jobs run no more at once than WORKER_CONCURRENCY. */
  private readonly others: ConcurrencyLimit;
  /** Twice a batch, so one batch fills while the previous one is written. */
  override readonly concurrency: number;

  constructor(
    private readonly indexer: CandidateIndexer,
    private readonly lifecycle: CandidateLifecycle,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    const { indexBatchSize, indexBatchLingerMs } = config.queue;
    this.syncs = new JobBatcher((entries) => this.indexer.syncBatch(entries), {
      maxSize: indexBatchSize,
      lingerMs: indexBatchLingerMs,
    });
    this.concurrency = 2 * indexBatchSize;
    this.others = new ConcurrencyLimit(config.queue.concurrency);
  }

  readonly handlers: JobHandlers<'candidates'> = {
    'candidates.sync-index': async (job) => ({ outcome: await this.syncs.submit(job.data) }),
    'candidates.reindex-country': (job) =>
      this.others.run(() => this.indexer.syncCountry(job.data.countryCode)),
    'candidates.lifecycle': () => this.others.run(() => this.lifecycle.runScheduled()),
  };
}

import { CandidateIndexer, CandidateLifecycle, type CandidateToSync } from '@app/candidates';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { JobBatcher, type JobHandlers } from '@app/queue';
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
  }

  readonly handlers: JobHandlers<'candidates'> = {
    'candidates.sync-index': async (job) => ({ outcome: await this.syncs.submit(job.data) }),
    'candidates.reindex-country': (job) => this.indexer.syncCountry(job.data.countryCode),
    'candidates.lifecycle': () => this.lifecycle.runScheduled(),
  };
}

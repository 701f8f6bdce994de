import { APP_CONFIG, type AppConfig } from '@app/config';
import {
  Matcher,
  ShardedMatcher,
  type MatchingEngine,
  type ShardRanking,
  type ShardStaged,
} from '@app/matching';
import { ConcurrencyLimit, JobBatcher, type JobHandlers } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { TypedProcessor } from './typed-processor';

/**
 * Matching a profile or a vacancy first brings the worker's feature store up to date, so the jobs
 * of one change each (`matching.candidate`, `matching.vacancy`) are gathered into batches that pay
 * for that once; a batch's sets are written in order, as one job after another would write them.
 * The lock outlasts a job's wait for its batch, as for the profile index jobs.
 */
@Processor('matching', { lockDuration: 120_000 })
export class MatchingProcessor extends TypedProcessor<'matching'> {
  private readonly candidates: JobBatcher<string, unknown>;
  private readonly vacancies: JobBatcher<string, unknown>;
  /** The whole pool in this worker, or (MATCH_SHARDS > 1) flows and routes to the shards' queues. */
  private readonly engine: MatchingEngine;
  /** The jobs that re-match a whole scope run no more at once than WORKER_CONCURRENCY. */
  private readonly scopes: ConcurrencyLimit;
  /** Three batches: the next one fills while two are worked. */
  override readonly concurrency: number;

  constructor(
    matcher: Matcher,
    private readonly sharded: ShardedMatcher,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.engine = config.matching.shards.count > 1 ? sharded : matcher;
    // Two batches of each side at a time (one ranked while the other is written): the jobs arriving
    // meanwhile go together in the next, so a backlog pays for the store's sync and the reads of the
    // other side's sets once per larger batch, instead of one small batch per linger all at once.
    const batching = {
      maxSize: config.queue.indexBatchSize,
      lingerMs: config.queue.indexBatchLingerMs,
      maxInFlight: 2,
    };
    this.candidates = new JobBatcher((ids) => this.engine.matchCandidateBatch(ids), batching);
    this.vacancies = new JobBatcher((ids) => this.engine.matchVacancyBatch(ids), batching);
    this.concurrency = 3 * config.queue.indexBatchSize;
    this.scopes = new ConcurrencyLimit(config.queue.concurrency);
  }

  readonly handlers: JobHandlers<'matching'> = {
    'matching.vacancy': (job) => this.vacancies.submit(job.data.vacancyId),
    'matching.candidate': (job) => this.candidates.submit(job.data.candidateId),
    'matching.employer': (job) => this.scopes.run(() => this.engine.matchEmployer(job.data.organisationId)),
    'matching.member-state': (job) =>
      this.scopes.run(() => this.engine.matchMemberState(job.data.memberState)),
    'matching.occupations': (job) => this.scopes.run(() => this.engine.matchOccupations(job.data)),
    'matching.country': (job) => this.scopes.run(() => this.engine.matchCountry(job.data.countryCode)),
    'matching.refresh': () => this.scopes.run(() => this.engine.refreshAll()),
    // The parents of the sharded engine's flows: they run once every shard job has completed.
    'matching.merge-vacancies': async (job) => {
      const rankings = Object.values(await job.getChildrenValues<ShardRanking>());
      return this.sharded.mergeVacancies(job.data.vacancyIds, rankings);
    },
    'matching.merge-refresh': async (job) => {
      const staged = Object.values(await job.getChildrenValues<ShardStaged>());
      return this.scopes.run(() => this.sharded.mergeRefresh(job.data.runId, staged));
    },
  };
}

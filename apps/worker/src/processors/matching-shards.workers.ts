import { APP_CONFIG, type AppConfig } from '@app/config';
import { ShardedMatcher } from '@app/matching';
import { bullConnection, isShardJobName, shardQueueName, type ShardJobPayloads } from '@app/queue';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Worker, type Job } from 'bullmq';

/**
 * The consumers of this worker's matching shards (MATCH_SHARD), when the store is sharded
 * (MATCH_SHARDS > 1): one BullMQ worker per served shard queue, each job answered from the shard's
 * part of the feature store. Replicas serving the same shard share its queue.
 */
@Injectable()
export class MatchingShardWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MatchingShardWorkers.name);
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sharded: ShardedMatcher,
  ) {}

  onApplicationBootstrap(): void {
    const { count, served } = this.config.matching.shards;
    if (count <= 1) return;
    for (const shard of served) {
      const worker = new Worker(shardQueueName(shard), (job) => this.process(shard, job), {
        connection: bullConnection(this.config),
        prefix: this.config.queue.prefix,
        concurrency: this.config.queue.concurrency,
        lockDuration: 120_000,
      });
      worker.on('error', (error) => this.logger.error(`Shard ${shard} queue: ${error.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`Serving matching shards ${served.join(', ')} of ${count}`);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private async process(shard: number, job: Job): Promise<unknown> {
    const name = job.name;
    if (!isShardJobName(name)) throw new Error(`No handler for job ${name} on queue ${job.queueName}`);
    switch (name) {
      case 'shard.rank-vacancies':
        return this.sharded.rankOnShard(shard, (job.data as ShardJobPayloads[typeof name]).vacancyIds);
      case 'shard.match-candidates':
        return this.sharded.matchCandidatesOnShard((job.data as ShardJobPayloads[typeof name]).candidateIds);
      case 'shard.stage-refresh':
        return this.sharded.stageOnShard(shard, (job.data as ShardJobPayloads[typeof name]).runId);
    }
  }
}

import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { FlowProducer, Queue, type JobsOptions } from 'bullmq';
import type { JobPayloads } from './job-map';
import { bullConnection, defaultJobOptions } from './queue-options';

/**
 * The jobs of one matching shard, each run by a worker holding that shard's candidates. Their
 * results travel back to the parent job of their flow.
 */
export interface ShardJobPayloads {
  /** Each vacancy's best candidates of this shard, explained (see `ShardRanking`). */
  'shard.rank-vacancies': { vacancyIds: string[] };
  /** Recomputes these candidates' sets (all of them this shard's). */
  'shard.match-candidates': { candidateIds: string[] };
  /** Stages every set of this shard for the full re-match `runId`. */
  'shard.stage-refresh': { runId: string };
}
export type ShardJobName = keyof ShardJobPayloads;

/** Parent jobs of a flow: they run on the matching queue once every shard job has completed. */
type MergeJobName = 'matching.merge-vacancies' | 'matching.merge-refresh';

/** The queue of one shard; a group of worker replicas serving that shard consumes it. */
export function shardQueueName(shard: number): string {
  return `matching-shard-${shard}`;
}

/**
 * The shard queues in use: one per shard when the store is sharded (MATCH_SHARDS > 1), none
 * otherwise (a single store matches on the matching queue itself).
 */
export function shardQueueNames(count: number): string[] {
  return count > 1 ? Array.from({ length: count }, (_, shard) => shardQueueName(shard)) : [];
}

export function isShardJobName(name: string): name is ShardJobName {
  return (
    name === 'shard.rank-vacancies' || name === 'shard.match-candidates' || name === 'shard.stage-refresh'
  );
}

/**
 * Producer of the per-shard matching queues (`matching-shard-<n>`, as many as MATCH_SHARDS): single
 * jobs for one shard, and flows that fan a job out to every shard and merge the results in a parent
 * job on the matching queue (BullMQ flows: the parent waits for its children).
 */
@Injectable()
export class ShardQueues implements OnModuleDestroy {
  private flows?: FlowProducer;
  private readonly queues = new Map<number, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get count(): number {
    return this.config.matching.shards.count;
  }

  /** One job per shard, then the parent job with the merged work once all of them have completed. */
  async fanOut<P extends MergeJobName, S extends ShardJobName>(
    parent: { name: P; data: JobPayloads[P] },
    child: { name: S; data: ShardJobPayloads[S] },
  ): Promise<string | undefined> {
    const options = defaultJobOptions(this.config);
    const shards = Array.from({ length: this.count }, (_, shard) => shard);
    this.flows ??= new FlowProducer({
      connection: bullConnection(this.config),
      prefix: this.config.queue.prefix,
    });
    const flow = await this.flows.add({
      name: parent.name,
      queueName: 'matching',
      data: parent.data,
      opts: options,
      children: shards.map((shard) => ({
        name: child.name,
        queueName: shardQueueName(shard),
        data: child.data,
        // A shard that gives up fails the merge: no set is written from part of the pool.
        opts: { ...options, failParentOnFailure: true } satisfies JobsOptions,
      })),
    });
    return flow.job.id;
  }

  async enqueue<S extends ShardJobName>(shard: number, name: S, data: ShardJobPayloads[S]): Promise<void> {
    await this.queue(shard).add(name, data);
  }

  /** Every shard queue in use (none when the store is not sharded), for listings across queues. */
  inUse(): Queue[] {
    return shardQueueNames(this.count).map((_, shard) => this.queue(shard));
  }

  /** The queue of a shard (for producers, and for tests and tools that watch it). */
  queue(shard: number): Queue {
    let queue = this.queues.get(shard);
    if (!queue) {
      queue = new Queue(shardQueueName(shard), {
        connection: bullConnection(this.config),
        prefix: this.config.queue.prefix,
        defaultJobOptions: defaultJobOptions(this.config),
      });
      this.queues.set(shard, queue);
    }
    return queue;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.flows?.close(), ...[...this.queues.values()].map((queue) => queue.close())]);
  }
}

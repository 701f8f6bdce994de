import { DomainError, type Page, type PageRequest } from '@app/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { QUEUES, type QueueRegistry } from './job-producer';
import { QUEUE_NAMES } from './job-map';
import { RedisTimeoutError, withinTimeout } from './redis-options';
import { ShardQueues } from './shard-queues';

export class QueuesUnavailableError extends DomainError {
  constructor() {
    super('unavailable', 'SERVICE_UNAVAILABLE', 'The job queues are busy or unreachable; try again shortly');
  }
}

export class FailedJobNotFoundError extends DomainError {
  constructor() {
    super('not_found', 'JOB_NOT_FOUND', 'No job with this id on this queue');
  }
}

export class JobNotFailedError extends DomainError {
  constructor() {
    super('conflict', 'JOB_NOT_FAILED', 'The job has not failed (it is waiting, running or done)');
  }
}

export interface FailedJobView {
  /** A queue of QUEUE_NAMES, or a matching shard's queue (`matching-shard-<n>`) when sharded. */
  queue: string;
  name: string;
  id: string | null;
  attemptsMade: number;
  failedReason: string;
  createdAt: Date;
  processedAt: Date | null;
  failedAt: Date | null;
}

/**
 * Jobs that used up their attempts, across every queue (the shard queues too when matching is
 * sharded), newest first, and their retry (administrators' view). The queues' connections wait
 * for Redis to return, so each call is bounded by the command timeout.
 */
@Injectable()
export class FailedJobs {
  constructor(
    @Inject(QUEUES) private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly shards: ShardQueues,
  ) {}

  list(page: PageRequest): Promise<Page<FailedJobView>> {
    return this.bounded(this.collect(page), 'Listing failed jobs');
  }

  /**
   * Runs a failed job again, from its first attempt and with the same payload, on its own queue;
   * answers the job as it was when it failed. Anything but a failed job is refused, so a second
   * click changes nothing.
   */
  retry(queueName: string, id: string): Promise<FailedJobView> {
    return this.bounded(this.retryOn(queueName, id), 'Retrying a failed job');
  }

  /** Every queue whose failed jobs administrators see, in a stable order. */
  private all(): Queue[] {
    const named = QUEUE_NAMES.flatMap((name) => this.queues.get(name) ?? []);
    return [...named, ...this.shards.inUse()];
  }

  private async bounded<T>(work: Promise<T>, what: string): Promise<T> {
    try {
      return await withinTimeout(work, this.config.redis.commandTimeoutMs, what);
    } catch (error) {
      if (error instanceof RedisTimeoutError) throw new QueuesUnavailableError();
      throw error;
    }
  }

  private async retryOn(queueName: string, id: string): Promise<FailedJobView> {
    const queue = this.all().find((candidate) => candidate.name === queueName);
    const job = queue ? await queue.getJob(id) : undefined;
    if (!queue || !job) throw new FailedJobNotFoundError();
    if (!(await job.isFailed())) throw new JobNotFailedError();
    const view = toView(queue.name, job);
    await job.retry('failed');
    return view;
  }

  /** Each queue's newest `offset + limit` are enough to find the window of the merged list. */
  private async collect(page: PageRequest): Promise<Page<FailedJobView>> {
    const all: FailedJobView[] = [];
    let total = 0;
    for (const queue of this.all()) {
      total += await queue.getFailedCount();
      for (const job of await queue.getFailed(0, page.offset + page.limit - 1)) {
        all.push(toView(queue.name, job));
      }
    }
    all.sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0));
    return { items: all.slice(page.offset, page.offset + page.limit), total, ...page };
  }
}

function toView(queue: string, job: Job): FailedJobView {
  return {
    queue,
    name: job.name,
    id: job.id ?? null,
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason,
    createdAt: new Date(job.timestamp),
    processedAt: job.processedOn ? new Date(job.processedOn) : null,
    failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
  };
}

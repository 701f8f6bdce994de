import { DomainError, ResourceNotFoundError, type Page, type PageRequest } from '@app/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QUEUES, type QueueRegistry } from './job-producer';
import { QUEUE_NAMES, type QueueName } from './job-map';
import { RedisTimeoutError, withinTimeout } from './redis-options';

export class QueuesUnavailableError extends DomainError {
  constructor() {
    super('unavailable', 'SERVICE_UNAVAILABLE', 'The job queues are busy or unreachable; try again shortly');
  }
}

export interface FailedJobView {
  queue: QueueName;
  name: string;
  id: string | null;
  attemptsMade: number;
  failedReason: string;
  createdAt: Date;
  processedAt: Date | null;
  failedAt: Date | null;
}

/**
 * Jobs that used up their attempts, across every queue, newest first (administrators' view). The
 * queues' connections wait for Redis to return, so the listing is bounded by the command timeout.
 */
@Injectable()
export class FailedJobs {
  constructor(
    @Inject(QUEUES) private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(page: PageRequest): Promise<Page<FailedJobView>> {
    try {
      return await withinTimeout(
        this.collect(page),
        this.config.redis.commandTimeoutMs,
        'Listing failed jobs',
      );
    } catch (error) {
      if (error instanceof RedisTimeoutError) throw new QueuesUnavailableError();
      throw error;
    }
  }

  /**
   * Puts a failed job back in its queue for a fresh round of attempts, with the same payload. Only a
   * job that is failed now can be retried: anything else (unknown queue or id, a job already waiting
   * again or done) is not found, so a second click changes nothing.
   */
  async retry(queueName: string, id: string): Promise<FailedJobView> {
    const queue = (QUEUE_NAMES as readonly string[]).includes(queueName) ? this.queues.get(queueName as QueueName) : undefined;
    const notFound = new ResourceNotFoundError('Failed job', `${queueName}/${id}`);
    if (!queue) throw notFound;
    try {
      return await withinTimeout(
        (async () => {
          const job = await queue.getJob(id);
          if (!job || !(await job.isFailed())) throw notFound;
          const view = toView(queue.name as QueueName, job);
          await job.retry('failed');
          return view;
        })(),
        this.config.redis.commandTimeoutMs,
        'Retrying a failed job',
      );
    } catch (error) {
      if (error instanceof RedisTimeoutError) throw new QueuesUnavailableError();
      throw error;
    }
  }

  /** Each queue's newest `offset + limit` are enough to find the window of the merged list. */
  private async collect(page: PageRequest): Promise<Page<FailedJobView>> {
    const all: FailedJobView[] = [];
    let total = 0;
    for (const name of QUEUE_NAMES) {
      const queue = this.queues.get(name);
      if (!queue) continue;
      total += await queue.getFailedCount();
      for (const job of await queue.getFailed(0, page.offset + page.limit - 1)) {
        all.push(toView(name, job));
      }
    }
    all.sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0));
    return { items: all.slice(page.offset, page.offset + page.limit), total, ...page };
  }
}

function toView(queue: QueueName, job: Job): FailedJobView {
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

import { DomainError, type Page, type PageRequest } from '@app/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
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

  /** Each queue's newest `offset + limit` are enough to find the window of the merged list. */
  private async collect(page: PageRequest): Promise<Page<FailedJobView>> {
    const all: FailedJobView[] = [];
    let total = 0;
    for (const name of QUEUE_NAMES) {
      const queue = this.queues.get(name);
      if (!queue) continue;
      total += await queue.getFailedCount();
      for (const job of await queue.getFailed(0, page.offset + page.limit - 1)) {
        all.push({
          queue: name,
          name: job.name,
          id: job.id ?? null,
          attemptsMade: job.attemptsMade,
          failedReason: job.failedReason,
          createdAt: new Date(job.timestamp),
          processedAt: job.processedOn ? new Date(job.processedOn) : null,
          failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
        });
      }
    }
    all.sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0));
    return { items: all.slice(page.offset, page.offset + page.limit), total, ...page };
  }
}

import type { Page, PageRequest } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import { QUEUES, type QueueRegistry } from './job-producer';
import { QUEUE_NAMES, type QueueName } from './job-map';

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

/** Jobs that used up their attempts, across every queue, newest first (administrators' view). */
@Injectable()
export class FailedJobs {
  constructor(@Inject(QUEUES) private readonly queues: QueueRegistry) {}

  /** Each queue's newest `offset + limit` are enough to find the window of the merged list. */
  async list(page: PageRequest): Promise<Page<FailedJobView>> {
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

import type { JobHandlers, JobName, JobOf, QueueName } from '@app/queue';
import { isDatabaseUnavailable } from '@app/database';
import { isSearchUnavailable } from '@app/search';
import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';

/** How long a queue rests when a service its jobs need is away, before it tries the next job. */
export const DEPENDENCY_PAUSE_MS = 2000;

/**
 * A BullMQ processor whose handlers are a typed map, one per job of its queue. Unknown job names
 * fail the job loudly instead of completing it silently.
 *
 * A job that fails because Postgres or Meilisearch is away does not spend one of its attempts: the
 * queue rests for a moment and the job goes back to waiting, so however long the outage lasts, the
 * work resumes on its own when the service returns instead of ending up failed.
 */
export abstract class TypedProcessor<Q extends QueueName> extends WorkerHost {
  private readonly restLogger = new Logger('TypedProcessor');
  abstract readonly handlers: JobHandlers<Q>;
  /** Jobs run at once by this processor; WORKER_CONCURRENCY when unset. */
  readonly concurrency?: number;

  async process(job: Job): Promise<unknown> {
    const handler = (
      this.handlers as unknown as Record<string, ((job: JobOf<JobName>) => Promise<unknown>) | undefined>
    )[job.name];
    if (!handler) throw new Error(`No handler for job ${job.name} on queue ${job.queueName}`);
    try {
      return await handler(job as JobOf<JobName>);
    } catch (error) {
      if (!isDatabaseUnavailable(error) && !isSearchUnavailable(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      this.restLogger.warn(`Queue ${job.queueName} rests ${DEPENDENCY_PAUSE_MS} ms: ${reason}`);
      await this.worker.rateLimit(DEPENDENCY_PAUSE_MS);
      throw Worker.RateLimitError();
    }
  }

  handledJobs(): string[] {
    return Object.keys(this.handlers);
  }
}

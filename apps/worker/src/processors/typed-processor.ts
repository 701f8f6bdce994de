import type { JobHandlers, JobName, JobOf, QueueName } from '@app/queue';
import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';

/**
 * A BullMQ processor whose handlers are a typed map, one per job of its queue. Unknown job names
 * fail the job loudly instead of completing it silently.
 */
export abstract class TypedProcessor<Q extends QueueName> extends WorkerHost {
  abstract readonly handlers: JobHandlers<Q>;
  /** Jobs run at once by this processor; WORKER_CONCURRENCY when unset. */
  readonly concurrency?: number;

  async process(job: Job): Promise<unknown> {
    const handler = (
      this.handlers as unknown as Record<string, ((job: JobOf<JobName>) => Promise<unknown>) | undefined>
    )[job.name];
    if (!handler) throw new Error(`No handler for job ${job.name} on queue ${job.queueName}`);
    return handler(job as JobOf<JobName>);
  }

  handledJobs(): string[] {
    return Object.keys(this.handlers);
  }
}

import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { JOB_QUEUE, QUEUE_NAMES, type JobName, type JobPayloads, type QueueName } from './job-map';

export const QUEUES = Symbol('QUEUES');
export type QueueRegistry = ReadonlyMap<QueueName, Queue>;

export const queueRegistryProvider = {
  provide: QUEUES,
  inject: QUEUE_NAMES.map((name) => getQueueToken(name)),
  useFactory: (...queues: Queue[]): QueueRegistry =>
    new Map(queues.map((queue) => [queue.name as QueueName, queue])),
};

export interface EnqueueOptions {
  /** Deterministic id: BullMQ ignores a second job with the same id while the first is kept. */
  jobId?: string;
  delayMs?: number;
}

/** Typed producer; attempts, backoff and removal come from the queue defaults (QueueModule). */
@Injectable()
export class JobProducer {
  constructor(@Inject(QUEUES) private readonly queues: QueueRegistry) {}

  async enqueue<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options: EnqueueOptions = {},
  ): Promise<Job<JobPayloads[N], unknown, N>> {
    const job = await this.queueFor(name).add(name, data, { jobId: options.jobId, delay: options.delayMs });
    return job as Job<JobPayloads[N], unknown, N>;
  }

  queueFor(name: JobName): Queue {
    const queue = this.queues.get(JOB_QUEUE[name]);
    if (!queue) throw new Error(`No queue registered for job ${name}`);
    return queue;
  }
}

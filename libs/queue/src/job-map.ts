import type { Job } from 'bullmq';

/**
 * Every background job, by name, with its payload. Payloads carry ids and intent, never entity
 * snapshots: handlers re-read state, so running a job twice is harmless.
 */
export interface JobPayloads {
  'maintenance.purge-outbox': { olderThanHours: number };
  'taxonomy.reindex': { version: string };
  'mail.send': { messageId: string };
}

export type JobName = keyof JobPayloads;

export const QUEUE_NAMES = ['maintenance', 'search-indexing', 'mail'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** Which queue carries each job; the compiler insists every job has one. */
export const JOB_QUEUE = {
  'maintenance.purge-outbox': 'maintenance',
  'taxonomy.reindex': 'search-indexing',
  'mail.send': 'mail',
} as const satisfies { readonly [N in JobName]: QueueName };

export type JobOf<N extends JobName> = Job<JobPayloads[N], unknown, N>;

export type JobNamesOf<Q extends QueueName> = {
  [N in JobName]: (typeof JOB_QUEUE)[N] extends Q ? N : never;
}[JobName];

/** A processor's handlers: exactly one per job of its queue, checked at compile time. */
export type JobHandlers<Q extends QueueName> = {
  [N in JobNamesOf<Q>]: (job: JobOf<N>) => Promise<unknown>;
};

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_QUEUE, name);
}

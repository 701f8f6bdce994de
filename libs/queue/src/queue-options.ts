import type { AppConfig } from '@app/config';
import type { ConnectionOptions, DefaultJobOptions } from 'bullmq';
import { redisOptionsFromUrl } from './redis-options';

const DAY_SECONDS = 24 * 3600;

/** Workers block on Redis by design and wait for it to return; only connecting is bounded. */
export function bullConnection(config: AppConfig): ConnectionOptions {
  return {
    ...redisOptionsFromUrl(config.redis.url),
    connectTimeout: config.redis.connectTimeoutMs,
    maxRetriesPerRequest: null,
  };
}

/** Attempts, backoff and removal of every job. */
export function defaultJobOptions(config: AppConfig): DefaultJobOptions {
  return {
    attempts: config.queue.attempts,
    backoff: { type: 'exponential', delay: config.queue.backoffMs },
    removeOnComplete: { age: DAY_SECONDS, count: 10_000 },
    removeOnFail: { age: 14 * DAY_SECONDS },
  };
}

import type { AppConfig } from '@app/config';
import type { RedisOptions } from 'ioredis';

/** The connection part of ioredis options, which BullMQ's connection options accept as they are. */
export type RedisConnectionOptions = Pick<
  RedisOptions,
  'host' | 'port' | 'username' | 'password' | 'db' | 'tls'
>;

/** ioredis options from a redis:// or rediss:// URL (BullMQ takes options, not URLs). */
export function redisOptionsFromUrl(url: string): RedisConnectionOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace(/^\//, '');
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: db ? Number(db) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * Options of a connection that never blocks: it connects within the connect timeout, and each
 * command fails after the command timeout instead of waiting for Redis to come back.
 */
export function boundedRedisOptions(config: AppConfig): RedisOptions {
  return {
    ...redisOptionsFromUrl(config.redis.url),
    connectTimeout: config.redis.connectTimeoutMs,
    commandTimeout: config.redis.commandTimeoutMs,
  };
}

/** Redis gave no answer in time (it is away or overloaded): a reason to try again later. */
export class RedisTimeoutError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`${what} got no answer from Redis within ${timeoutMs} ms`);
    this.name = 'RedisTimeoutError';
  }
}

/** Rejects when `work` has not settled within `timeoutMs` (commands of a connection that waits for Redis). */
export async function withinTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisTimeoutError(what, timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

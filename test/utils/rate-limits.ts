import type { AppConfig } from '@app/config';
import { redisOptionsFromUrl } from '@app/queue';
import Redis from 'ioredis';

/** Forgets every sign-in, registration and reset counter of this test run. */
export async function clearRateLimits(config: AppConfig): Promise<void> {
  const redis = new Redis(redisOptionsFromUrl(config.redis.url));
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.queue.prefix}:rl:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

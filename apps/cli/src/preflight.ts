import type { AppConfig } from '@app/config';
import { canReachPostgres } from '@app/database';
import { redisOptionsFromUrl } from '@app/queue';
import Redis from 'ioredis';

async function canReachRedis(url: string): Promise<boolean> {
  const client = new Redis({
    ...redisOptionsFromUrl(url),
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export type RequiredService = 'postgres' | 'redis';

/** Returns an explanation when a required service cannot be reached, or null when all answer. */
export async function explainUnreachableServices(
  config: AppConfig,
  required: readonly RequiredService[] = ['postgres', 'redis'],
): Promise<string | null> {
  const [postgres, redis] = await Promise.all([
    !required.includes('postgres') || canReachPostgres(config.database.url),
    !required.includes('redis') || canReachRedis(config.redis.url),
  ]);
  const missing = [
    !postgres && `PostgreSQL (DATABASE_URL=${redact(config.database.url)})`,
    !redis && `Redis (REDIS_URL=${redact(config.redis.url)})`,
  ].filter(Boolean);
  if (missing.length === 0) return null;
  return (
    `Cannot reach ${missing.join(' and ')}. The platform keeps its data in PostgreSQL and runs background ` +
    'jobs through Redis, so both must be running before it starts. On Debian or Ubuntu install and start them ' +
    'with `sudo apt-get install -y postgresql redis-server && sudo service postgresql start && sudo service redis-server start` ' +
    '(allow the `postgres` user to connect from 127.0.0.1, or put its password in DATABASE_URL); with Docker, ' +
    '`docker compose up -d postgres redis` starts both from this repository (`docker compose up` runs the whole ' +
    'platform). If they run elsewhere, set DATABASE_URL and REDIS_URL in `.env` and try again.'
  );
}

export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

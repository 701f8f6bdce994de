import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { boundedRedisOptions } from './redis-options';

/**
 * A small dedicated Redis connection for health checks. Unlike BullMQ's connections, which wait
 * for Redis indefinitely, it fails at once while Redis is away, so a health check can say so.
 */
@Injectable()
export class RedisProbe implements OnApplicationShutdown {
  private readonly client: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new Redis({
      ...boundedRedisOptions(config),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    this.client.on('error', () => undefined);
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}

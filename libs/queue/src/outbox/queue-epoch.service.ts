import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { boundedRedisOptions } from '../redis-options';

/**
 * A mark in Redis, beside the queues, that says they still hold what was relayed to them. Redis
 * loses it with everything else when its data goes (a flush, a restart without persistence).
 */
@Injectable()
export class QueueEpoch implements OnApplicationShutdown {
  private client?: Redis;
  private readonly key: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = `${config.queue.prefix}:outbox:epoch`;
  }

  async isMarked(): Promise<boolean> {
    return (await this.redis().exists(this.key)) > 0;
  }

  async mark(): Promise<void> {
    await this.redis().set(this.key, new Date().toISOString());
  }

  onApplicationShutdown(): void {
    this.client?.disconnect();
  }

  private redis(): Redis {
    if (!this.client) {
      this.client = new Redis({ ...boundedRedisOptions(this.config), maxRetriesPerRequest: 1 });
      this.client.on('error', () => undefined);
    }
    return this.client;
  }
}

import { APP_CONFIG, type AppConfig } from '@app/config';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUE_NAMES } from './job-map';
import { FailedJobs } from './failed-jobs.service';
import { JobProducer, queueRegistryProvider } from './job-producer';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { OutboxService } from './outbox/outbox.service';
import { QueueEpoch } from './outbox/queue-epoch.service';
import { redisOptionsFromUrl } from './redis-options';
import { RedisProbe } from './redis-probe';

const DAY_SECONDS = 24 * 3600;

@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Workers block on Redis by design and wait for it to return; only connecting is bounded.
        connection: {
          ...redisOptionsFromUrl(config.redis.url),
          connectTimeout: config.redis.connectTimeoutMs,
          maxRetriesPerRequest: null,
        },
        prefix: config.queue.prefix,
        defaultJobOptions: {
          attempts: config.queue.attempts,
          backoff: { type: 'exponential', delay: config.queue.backoffMs },
          removeOnComplete: { age: DAY_SECONDS, count: 10_000 },
          removeOnFail: { age: 14 * DAY_SECONDS },
        },
      }),
    }),
    BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
    TypeOrmModule.forFeature([OutboxMessageEntity]),
  ],
  providers: [
    queueRegistryProvider,
    JobProducer,
    OutboxService,
    OutboxRelay,
    QueueEpoch,
    RedisProbe,
    FailedJobs,
  ],
  exports: [BullModule, JobProducer, OutboxService, OutboxRelay, RedisProbe, FailedJobs],
})
export class QueueModule {}

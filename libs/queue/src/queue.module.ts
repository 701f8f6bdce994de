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
import { bullConnection, defaultJobOptions } from './queue-options';
import { RedisProbe } from './redis-probe';
import { ShardQueues } from './shard-queues';

@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: bullConnection(config),
        prefix: config.queue.prefix,
        defaultJobOptions: defaultJobOptions(config),
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
    ShardQueues,
  ],
  exports: [BullModule, JobProducer, OutboxService, OutboxRelay, RedisProbe, FailedJobs, ShardQueues],
})
export class QueueModule {}

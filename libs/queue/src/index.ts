export * from './job-map';
export {
  FailedJobNotFoundError,
  FailedJobs,
  JobNotFailedError,
  QueuesUnavailableError,
  type FailedJobView,
} from './failed-jobs.service';
export { JobProducer, type EnqueueOptions } from './job-producer';
export { OutboxService } from './outbox/outbox.service';
export { OutboxRelay } from './outbox/outbox-relay.service';
export { QueueModule } from './queue.module';
export { boundedRedisOptions, redisOptionsFromUrl, RedisTimeoutError, withinTimeout } from './redis-options';
export { RedisProbe } from './redis-probe';
export { JobBatcher, type JobBatcherOptions } from './job-batcher';
export { ConcurrencyLimit } from './concurrency-limit';
export { bullConnection, defaultJobOptions } from './queue-options';
export {
  isShardJobName,
  shardQueueName,
  shardQueueNames,
  ShardQueues,
  type ShardJobName,
  type ShardJobPayloads,
} from './shard-queues';

import type { AppConfig } from '@app/config';
import type { Queue } from 'bullmq';
import { QueuesUnavailableError, FailedJobs } from './failed-jobs.service';
import type { QueueRegistry } from './job-producer';
import type { ShardQueues } from './shard-queues';

const config = { redis: { commandTimeoutMs: 50 } } as AppConfig;

function registry(queue: Partial<Queue>): QueueRegistry {
  return new Map([['mail', { name: 'mail', ...queue } as Queue]]);
}

const unsharded = { inUse: () => [] } as unknown as ShardQueues;

describe('FailedJobs', () => {
  it('answers unavailable, instead of waiting, when Redis does not answer in time', async () => {
    const never = () => new Promise<never>(() => undefined);
    const sut = new FailedJobs(registry({ getFailedCount: never, getFailed: never }), config, unsharded);

    await expect(sut.list({ limit: 20, offset: 0 })).rejects.toBeInstanceOf(QueuesUnavailableError);
  });

  it('lists the failed jobs when Redis answers', async () => {
    const job = {
      name: 'mail.send',
      id: '7',
      attemptsMade: 5,
      failedReason: 'smtp',
      timestamp: 1,
      finishedOn: 2,
    };
    const sut = new FailedJobs(
      registry({
        getFailedCount: () => Promise.resolve(1),
        getFailed: () => Promise.resolve([job] as never),
      }),
      config,
      unsharded,
    );

    const page = await sut.list({ limit: 20, offset: 0 });

    expect(page).toMatchObject({ total: 1, items: [{ queue: 'mail', name: 'mail.send', id: '7' }] });
  });
});

import type { AppConfig } from '@app/config';
import type { Queue } from 'bullmq';
import { FailedJobNotFoundError, FailedJobs, JobNotFailedError, QueuesUnavailableError } from './failed-jobs.service';
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

  it('lists the shard queues it is given beside the named ones', async () => {
    const failedOn = (queue: string) => ({ name: 'x', id: queue, attemptsMade: 1, failedReason: '', timestamp: 1 });
    const shard = {
      name: 'matching-shard-1',
      getFailedCount: () => Promise.resolve(1),
      getFailed: () => Promise.resolve([failedOn('s')]),
    } as unknown as Queue;
    const sut = new FailedJobs(
      registry({ getFailedCount: () => Promise.resolve(1), getFailed: () => Promise.resolve([failedOn('m')] as never) }),
      config,
      { inUse: () => [shard] } as unknown as ShardQueues,
    );

    const page = await sut.list({ limit: 20, offset: 0 });

    expect(page.total).toBe(2);
    expect(page.items.map((job) => job.queue).sort()).toEqual(['mail', 'matching-shard-1']);
  });

  it('retries only a failed job of a known queue', async () => {
    const retried: string[] = [];
    const job = (id: string, failed: boolean) => ({
      isFailed: () => Promise.resolve(failed),
      retry: () => Promise.resolve(void retried.push(id)),
    });
    const jobs: Record<string, ReturnType<typeof job>> = { '1': job('1', true), '2': job('2', false) };
    const sut = new FailedJobs(
      registry({ getJob: (id: string) => Promise.resolve(jobs[id] as never) }),
      config,
      unsharded,
    );

    await expect(sut.retry('mail', '1')).resolves.toMatchObject({ queue: 'mail' });
    await expect(sut.retry('mail', '2')).rejects.toBeInstanceOf(JobNotFailedError);
    await expect(sut.retry('mail', '3')).rejects.toBeInstanceOf(FailedJobNotFoundError);
    await expect(sut.retry('matching-shard-0', '1')).rejects.toBeInstanceOf(FailedJobNotFoundError);
    expect(retried).toEqual(['1']);
  });
});

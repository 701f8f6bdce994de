import type { AppConfig } from '@app/config';
import type { Queue } from 'bullmq';
import { ResourceNotFoundError } from '@app/common';
import { QueuesUnavailableError, FailedJobs } from './failed-jobs.service';
import type { QueueRegistry } from './job-producer';

const config = { redis: { commandTimeoutMs: 50 } } as AppConfig;

function registry(queue: Partial<Queue>): QueueRegistry {
  return new Map([['mail', queue as Queue]]);
}

describe('FailedJobs', () => {
  it('answers unavailable, instead of waiting, when Redis does not answer in time', async () => {
    const never = () => new Promise<never>(() => undefined);
    const sut = new FailedJobs(registry({ getFailedCount: never, getFailed: never }), config);

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
    );

    const page = await sut.list({ limit: 20, offset: 0 });

    expect(page).toMatchObject({ total: 1, items: [{ queue: 'mail', name: 'mail.send', id: '7' }] });
  });
});

describe('FailedJobs.retry', () => {
  const failedJob = (failed: boolean) => {
    const retry = jest.fn(() => Promise.resolve());
    const job = { name: 'mail.send', id: '7', attemptsMade: 5, failedReason: 'smtp', timestamp: 1, finishedOn: 2, isFailed: () => Promise.resolve(failed), retry };
    return { job, retry };
  };

  it('puts a failed job back in its queue and answers what it was', async () => {
    const { job, retry } = failedJob(true);
    const sut = new FailedJobs(registry({ name: 'mail', getJob: () => Promise.resolve(job as never) }), config);

    await expect(sut.retry('mail', '7')).resolves.toMatchObject({ queue: 'mail', name: 'mail.send', id: '7', attemptsMade: 5 });
    expect(retry).toHaveBeenCalledWith('failed');
  });

  it('finds nothing to retry in an unknown queue, for an unknown id or for a job that is not failed', async () => {
    const { job, retry } = failedJob(false);
    const sut = new FailedJobs(registry({ name: 'mail', getJob: (id: string) => Promise.resolve((id === '7' ? job : undefined) as never) }), config);

    await expect(sut.retry('elsewhere', '7')).rejects.toBeInstanceOf(ResourceNotFoundError);
    await expect(sut.retry('mail', '8')).rejects.toBeInstanceOf(ResourceNotFoundError);
    await expect(sut.retry('mail', '7')).rejects.toBeInstanceOf(ResourceNotFoundError);
    expect(retry).not.toHaveBeenCalled();
  });
});

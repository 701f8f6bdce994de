import type { QueueName } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { DRAIN_DEADLINE_MS } from './deadlines';
import { waitFor } from './wait-for';

/**
 * Waits until the outbox has relayed every committed message and the given queues have nothing
 * waiting, running or delayed for a retry. The outbox is read first: a relayed message is already
 * in its queue.
 */
export async function drainQueues(
  app: INestApplicationContext,
  names: readonly QueueName[],
  { timeoutMs = DRAIN_DEADLINE_MS } = {},
): Promise<void> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const queues = names.map((name) => app.get<Queue>(getQueueToken(name)));
  await waitFor(
    async () => {
      const [{ pending }]: { pending: number }[] = await dataSource.query(
        'SELECT count(*)::int AS pending FROM outbox_messages WHERE relayed_at IS NULL',
      );
      if (pending > 0) return false;
      for (const queue of queues) {
        const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
        if (Object.values(counts).some((count) => count > 0)) return false;
        // A job scheduler always keeps its next run delayed; only retries count as pending work.
        if ((await queue.getDelayed()).some((job) => !job.repeatJobKey)) return false;
      }
      return true;
    },
    { timeoutMs, intervalMs: 50, what: `queues ${names.join(', ')} to drain` },
  );
}

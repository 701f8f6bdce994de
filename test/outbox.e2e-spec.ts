import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { JobProducer, OutboxService, QueueModule } from '@app/queue';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Test, type TestingModule } from '@nestjs/testing';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { truncateAll } from './utils/database';
import { waitFor } from './utils/wait-for';

describe('Transactional outbox', () => {
  let producerSide: TestingModule;
  let worker: TestingModule | undefined;
  let dataSource: DataSource;
  let outbox: OutboxService;
  let jobs: JobProducer;

  beforeAll(async () => {
    producerSide = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, QueueModule],
    }).compile();
    await producerSide.init();
    dataSource = producerSide.get(getDataSourceToken());
    outbox = producerSide.get(OutboxService);
    jobs = producerSide.get(JobProducer);
  });

  beforeEach(async () => {
    await truncateAll(dataSource);
    await jobs.queueFor('maintenance.purge-outbox').obliterate({ force: true });
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });

  afterAll(() => producerSide.close());

  it('turns a committed change into a BullMQ job even when the worker starts after the commit', async () => {
    const [stale] = await dataSource.query(
      `INSERT INTO outbox_messages (job_name, payload, relayed_at)
       VALUES ('maintenance.purge-outbox', '{"olderThanHours":1}', now() - interval '100 hours') RETURNING id`,
    );
    await dataSource.transaction((manager) =>
      outbox.add(manager, 'maintenance.purge-outbox', { olderThanHours: 48 }),
    );
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.add(manager, 'maintenance.purge-outbox', { olderThanHours: 0 });
        throw new Error('the domain change failed');
      }),
    ).rejects.toThrow('the domain change failed');

    const pending: { id: string; message_uid: string }[] = await dataSource.query(
      'SELECT id, message_uid FROM outbox_messages WHERE relayed_at IS NULL',
    );
    expect(pending).toHaveLength(1);
    const queue = jobs.queueFor('maintenance.purge-outbox');
    expect(await queue.getJob(`outbox-${pending[0].message_uid}`)).toBeUndefined();

    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();

    const job = await waitFor(
      async () => {
        const found = await queue.getJob(`outbox-${pending[0].message_uid}`);
        return found && (await found.isCompleted()) ? found : null;
      },
      { what: 'the relayed job to complete' },
    );
    expect(job.data).toEqual({ olderThanHours: 48 });
    const rows: { id: string; relayed_at: Date | null }[] = await dataSource.query(
      'SELECT id, relayed_at FROM outbox_messages ORDER BY id',
    );
    expect(rows.map((row) => row.id)).not.toContain(stale.id);
    expect(rows).toEqual([{ id: pending[0].id, relayed_at: expect.any(Date) }]);
  });

  it('relays a message whose id a restored or reset database hands out again', async () => {
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
    const queue = jobs.queueFor('maintenance.purge-outbox');
    const relayedJob = async (olderThanHours: number) => {
      await dataSource.transaction((manager) =>
        outbox.add(manager, 'maintenance.purge-outbox', { olderThanHours }),
      );
      const [message]: { id: string; message_uid: string }[] = await dataSource.query(
        'SELECT id, message_uid FROM outbox_messages ORDER BY id DESC LIMIT 1',
      );
      const job = await waitFor(
        async () => {
          const found = await queue.getJob(`outbox-${message.message_uid}`);
          return found && (await found.isCompleted()) ? found : null;
        },
        { what: `the job of outbox message ${message.id} to complete` },
      );
      return { id: message.id, data: job.data as unknown };
    };
    const first = await relayedJob(24);
    // The finished job stays in Redis; the table starts its ids again, as after a restore.
    await truncateAll(dataSource);
    const second = await relayedJob(12);
    expect(second.id).toBe(first.id);
    expect(second.data).toEqual({ olderThanHours: 12 });
  });

  it('refuses to record a job outside a transaction', async () => {
    await expect(
      outbox.add(dataSource.manager, 'maintenance.purge-outbox', { olderThanHours: 1 }),
    ).rejects.toThrow(/inside the transaction/);
  });
});

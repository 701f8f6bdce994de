import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { dedupKeyOf, withCompanions, type JobName, type JobPayloads, type JobRequest } from '../job-map';
import { OutboxMessageEntity } from './outbox-message.entity';

/** Becomes part of a BullMQ job id, which must not contain ':'. */
const DEDUP_KEY = /^[a-zA-Z0-9._-]{1,200}$/;

/**
 * Records a job in the same transaction as the domain change that causes it. The worker's relay
 * moves committed messages to BullMQ, so a crash between commit and enqueue loses nothing.
 */
@Injectable()
export class OutboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records the job and those that travel with it (`withCompanions`), each with the dedup key the
   * job map derives from its payload.
   */
  async add<N extends JobName>(manager: EntityManager, name: N, data: JobPayloads[N]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxService.add must run inside the transaction of the change it records');
    }
    const jobs = withCompanions({ name, data } as JobRequest);
    const rows = jobs.map((job) => ({ jobName: job.name, payload: job.data, dedupKey: dedupKeyOf(job) }));
    for (const row of rows) {
      if (row.dedupKey !== null && !DEDUP_KEY.test(row.dedupKey))
        throw new Error(`Invalid outbox dedup key: ${row.dedupKey}`);
    }
    await manager.insert(OutboxMessageEntity, rows);
  }

  /** Deletes messages relayed more than `olderThanHours` ago; returns how many. */
  async purgeRelayed(olderThanHours: number): Promise<number> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM outbox_messages WHERE relayed_at < now() - make_interval(hours => $1)`,
      [olderThanHours],
    );
    return deleted;
  }
}

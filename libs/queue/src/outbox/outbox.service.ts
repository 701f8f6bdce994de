import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { JobName, JobPayloads } from '../job-map';
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

  async add<N extends JobName>(
    manager: EntityManager,
    name: N,
    data: JobPayloads[N],
    options: { dedupKey?: string } = {},
  ): Promise<void> {
    if (options.dedupKey !== undefined && !DEDUP_KEY.test(options.dedupKey)) {
      throw new Error(`Invalid outbox dedup key: ${options.dedupKey}`);
    }
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxService.add must run inside the transaction of the change it records');
    }
    await manager.insert(OutboxMessageEntity, {
      jobName: name,
      payload: data,
      dedupKey: options.dedupKey ?? null,
    });
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

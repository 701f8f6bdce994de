import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isJobName, JOB_QUEUE, type JobName, type QueueName } from '../job-map';
import { JobProducer } from '../job-producer';
import { withinTimeout } from '../redis-options';
import { QueueEpoch } from './queue-epoch.service';

export interface PendingRow {
  id: string;
  message_uid: string;
  job_name: string;
  payload: unknown;
  dedup_key: string | null;
}

interface PlannedJob {
  name: JobName;
  data: unknown;
  jobId: string;
}

/**
 * Moves committed outbox messages to BullMQ. Rows are claimed with SKIP LOCKED so several workers
 * can relay at once, and marked relayed in the same transaction after BullMQ accepted them; a crash
 * in between relays them again under the same job ids, which BullMQ ignores.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private stopped = true;
  private current?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    private readonly epoch: QueueEpoch,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  /** Relays everything pending now; returns how many messages were relayed. */
  async drain(): Promise<number> {
    await this.redeliverIfQueuesLost();
    let total = 0;
    for (;;) {
      const relayed = await this.relayBatch();
      total += relayed;
      if (relayed < this.config.outbox.batchSize) return total;
    }
  }

  /**
   * Redis keeps a mark of the queues' epoch. When it is gone, Redis lost its data (flushed, or
   * restarted without persistence) and with it every job relayed but not yet run: the messages still
   * retained whose jobs are safe to run again (state syncs, which carry a dedup key, and mail, which
   * skips what was sent) are relayed once more. Returns how many.
   */
  async redeliverIfQueuesLost(): Promise<number> {
    if (await this.epoch.isMarked()) return 0;
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `UPDATE outbox_messages SET relayed_at = NULL
        WHERE relayed_at IS NOT NULL AND (dedup_key IS NOT NULL OR job_name = 'mail.send')`,
    );
    await this.epoch.mark();
    if (count > 0) this.logger.warn(`Queues were lost: relaying ${count} retained outbox message(s) again`);
    return count;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.drain()
        .catch((error: unknown) => this.logger.warn(`Outbox relay paused: ${describe(error)}`))
        .finally(() => this.schedule(this.config.outbox.pollIntervalMs));
    }, delayMs);
  }

  private relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: PendingRow[] = await manager.query(
        `SELECT id, message_uid, job_name, payload, dedup_key FROM outbox_messages
          WHERE relayed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.config.outbox.batchSize],
      );
      if (rows.length === 0) return 0;
      const unknown = rows.filter((row) => !isJobName(row.job_name));
      for (const row of unknown) this.logger.error(`Outbox message ${row.id} names no known job`);
      try {
        await this.enqueue(plan(rows.filter((row) => isJobName(row.job_name))));
      } catch (error) {
        await manager.query(
          `UPDATE outbox_messages SET relay_attempts = relay_attempts + 1, last_error = $2
            WHERE id = ANY($1::bigint[])`,
          [rows.map((row) => row.id), describe(error)],
        );
        throw error;
      }
      await markRelayed(manager, rows, unknown);
      return rows.length;
    });
  }

  private async enqueue(jobs: PlannedJob[]): Promise<void> {
    const byQueue = new Map<QueueName, PlannedJob[]>();
    for (const job of jobs) {
      const queueName = JOB_QUEUE[job.name];
      byQueue.set(queueName, [...(byQueue.get(queueName) ?? []), job]);
    }
    for (const queueJobs of byQueue.values()) {
      // Bounded, so that rows are not held locked while Redis is away; a bulk that lands late is
      // relayed again under the same job ids, which BullMQ ignores.
      await withinTimeout(
        this.producer
          .queueFor(queueJobs[0].name)
          .addBulk(queueJobs.map(({ name, data, jobId }) => ({ name, data, opts: { jobId } }))),
        this.config.redis.commandTimeoutMs,
        'Relaying outbox messages',
      );
    }
  }
}

/**
 * One job per message, except that messages sharing a dedup key collapse into the newest one. The
 * job id comes from the message, so relaying it again after a crash adds nothing; it uses the
 * message's uuid, because BullMQ keeps finished jobs and ignores a new one with a known id.
 */
export function plan(rows: PendingRow[]): PlannedJob[] {
  const byKey = new Map<string, PendingRow>();
  for (const row of rows) byKey.set(row.dedup_key ?? `outbox-${row.message_uid}`, row);
  return [...byKey.entries()].map(([key, row]) => ({
    name: row.job_name as JobName,
    data: row.payload,
    jobId: row.dedup_key ? `${key}-${row.message_uid}` : key,
  }));
}

async function markRelayed(manager: EntityManager, rows: PendingRow[], unknown: PendingRow[]) {
  await manager.query('UPDATE outbox_messages SET relayed_at = now() WHERE id = ANY($1::bigint[])', [
    rows.map((row) => row.id),
  ]);
  if (unknown.length > 0) {
    await manager.query(
      `UPDATE outbox_messages SET last_error = 'unknown job name' WHERE id = ANY($1::bigint[])`,
      [unknown.map((row) => row.id)],
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

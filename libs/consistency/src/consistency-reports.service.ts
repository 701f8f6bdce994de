import { OutboxService } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ConsistencyReport } from './consistency-report';

/** Reports kept per check; older ones are dropped as new ones arrive. */
const KEPT = 200;

/** The stored reports of the consistency check, and asking the worker for a check. */
@Injectable()
export class ConsistencyReports {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async latest(): Promise<ConsistencyReport | null> {
    const [row] = await this.dataSource.query<{ report: ConsistencyReport }[]>(
      'SELECT report FROM consistency_reports ORDER BY checked_at DESC, id DESC LIMIT 1',
    );
    return row?.report ?? null;
  }

  async record(report: ConsistencyReport): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        'INSERT INTO consistency_reports (checked_at, repaired, drift, report) VALUES ($1, $2, $3, $4)',
        [report.checkedAt, report.repaired, report.drift, JSON.stringify(report)],
      );
      await manager.query(
        `DELETE FROM consistency_reports WHERE id NOT IN
           (SELECT id FROM consistency_reports ORDER BY checked_at DESC, id DESC LIMIT $1)`,
        [KEPT],
      );
    });
  }

  /** Asks the worker, through the outbox, for a check (and a repair of what it finds). */
  async request(options: { repair: boolean; reason: string }): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.outbox.add(manager, 'consistency.check', { repair: options.repair, reason: options.reason }),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EmployerEntityType } from './reference-data.types';
import type { ParticipationDates } from './rules/participation';

export interface MemberStateRecord extends ParticipationDates {
  countryCode: string;
  notificationDate: string | null;
  allowedEntityTypes: EmployerEntityType[];
}

export type MemberStateSettings = Omit<MemberStateRecord, 'countryCode'>;

interface Row {
  country_code: string;
  participating: boolean;
  notification_date: string | null;
  participation_start_date: string | null;
  withdrawal_date: string | null;
  allowed_entity_types: EmployerEntityType[];
}

const SELECT = `SELECT country_code, participating, to_char(notification_date, 'YYYY-MM-DD') AS notification_date,
  to_char(participation_start_date, 'YYYY-MM-DD') AS participation_start_date,
  to_char(withdrawal_date, 'YYYY-MM-DD') AS withdrawal_date, allowed_entity_types FROM member_states`;

/** The `member_states` rows, read and written for the participation administration. */
@Injectable()
export class MemberStateRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One state's row, or null; `forUpdate` locks it for the caller's transaction. */
  async find(
    code: string,
    options: { manager?: EntityManager; forUpdate?: boolean } = {},
  ): Promise<MemberStateRecord | null> {
    const [row] = await (options.manager ?? this.dataSource.manager).query<Row[]>(
      `${SELECT} WHERE country_code = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [code.toUpperCase()],
    );
    return row ? fromRow(row) : null;
  }

  async update(manager: EntityManager, code: string, settings: MemberStateSettings): Promise<void> {
    await manager.query(
      `UPDATE member_states SET participating = $2, notification_date = $3, participation_start_date = $4,
         withdrawal_date = $5, allowed_entity_types = $6 WHERE country_code = $1`,
      [
        code.toUpperCase(),
        settings.participating,
        settings.notificationDate,
        settings.participationStartDate,
        settings.withdrawalDate,
        settings.allowedEntityTypes,
      ],
    );
  }
}

function fromRow(row: Row): MemberStateRecord {
  return {
    countryCode: row.country_code,
    participating: row.participating,
    notificationDate: row.notification_date,
    participationStartDate: row.participation_start_date,
    withdrawalDate: row.withdrawal_date,
    allowedEntityTypes: row.allowed_entity_types,
  };
}

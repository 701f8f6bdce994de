import type { Page, PageRequest } from '@app/common';
import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotificationNotFoundError } from '../notifications.errors';
import type { NotificationKind } from './notification-kinds';
import { NotificationPreferencesService } from './notification-preferences.service';
import { renderNotification, type NotificationParams } from './notification-templates';

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  params: NotificationParams;
  created_at: Date;
  read_at: Date | null;
}

/** A user's own notifications, in their language; nobody reads or marks another user's. */
@Injectable()
export class NotificationInbox {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  async list(
    principal: Principal,
    filter: PageRequest & { unread?: boolean },
  ): Promise<Page<NotificationView>> {
    const unreadOnly = filter.unread === true;
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM notifications
        WHERE account_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)`,
      [principal.accountId, unreadOnly],
    );
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT id, kind, params, created_at, read_at FROM notifications
        WHERE account_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)
        ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`,
      [principal.accountId, unreadOnly, filter.limit, filter.offset],
    );
    const { language } = await this.preferences.get(principal);
    return {
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        ...renderNotification(row.kind, language, row.params),
        createdAt: row.created_at,
        readAt: row.read_at,
      })),
      total,
      limit: filter.limit,
      offset: filter.offset,
    };
  }

  /** Marks one of the caller's notifications read (again: keeps the first time). */
  async markRead(principal: Principal, id: string): Promise<void> {
    const [rows]: [unknown[], number] = await this.dataSource.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now())
        WHERE id = $1 AND account_id = $2 RETURNING id`,
      [id, principal.accountId],
    );
    if (rows.length === 0) throw new NotificationNotFoundError();
  }

  async markAllRead(principal: Principal): Promise<void> {
    await this.dataSource.query(
      'UPDATE notifications SET read_at = now() WHERE account_id = $1 AND read_at IS NULL',
      [principal.accountId],
    );
  }
}

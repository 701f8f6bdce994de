import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  channelsOf,
  isNotificationLanguage,
  type NotificationChannel,
  type NotificationChannels,
  type NotificationKind,
  type NotificationLanguage,
} from './notification-kinds';

export interface NotificationPreferences {
  language: NotificationLanguage;
  channels: NotificationChannels;
}

export interface PreferencesChange {
  language?: NotificationLanguage;
  channels?: Partial<Record<NotificationKind, NotificationChannel>>;
}

interface PreferenceRow {
  account_id: string;
  language: string;
  channels: Record<string, unknown>;
}

/** Each user's mail language and, per kind, how notifications reach them (defaults when unset). */
@Injectable()
export class NotificationPreferencesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(principal: Principal): Promise<NotificationPreferences> {
    return (await this.of(this.dataSource.manager, [principal.accountId])).get(principal.accountId)!;
  }

  async update(principal: Principal, change: PreferencesChange): Promise<NotificationPreferences> {
    const current = await this.get(principal);
    const next: NotificationPreferences = {
      language: change.language ?? current.language,
      // Kinds left out (or sent as undefined) keep their current choice.
      channels: channelsOf({ ...current.channels, ...definedOnly(change.channels ?? {}) }),
    };
    await this.dataSource.query(
      `INSERT INTO notification_preferences (account_id, language, channels, updated_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (account_id) DO UPDATE SET language = $2, channels = $3, updated_at = now()`,
      [principal.accountId, next.language, JSON.stringify(next.channels)],
    );
    return next;
  }

  /** The mail language of a new account (chosen by the page it registered on), kept with its other choices. */
  async keepLanguage(manager: EntityManager, accountId: string, language: NotificationLanguage): Promise<void> {
    await manager.query(
      `INSERT INTO notification_preferences (account_id, language, channels, updated_at)
       VALUES ($1, $2, '{}'::jsonb, now())
       ON CONFLICT (account_id) DO UPDATE SET language = $2, updated_at = now()`,
      [accountId, language],
    );
  }

  /** Preferences of several accounts, defaults for those who never chose. */
  async of(
    manager: EntityManager,
    accountIds: readonly string[],
  ): Promise<Map<string, NotificationPreferences>> {
    const rows: PreferenceRow[] = accountIds.length
      ? await manager.query(
          'SELECT account_id, language, channels FROM notification_preferences WHERE account_id = ANY($1::uuid[])',
          [[...accountIds]],
        )
      : [];
    const stored = new Map(rows.map((row) => [row.account_id, row]));
    return new Map(
      accountIds.map((id) => {
        const row = stored.get(id);
        return [
          id,
          {
            language: isNotificationLanguage(row?.language) ? row.language : 'en',
            channels: channelsOf(row?.channels),
          },
        ];
      }),
    );
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

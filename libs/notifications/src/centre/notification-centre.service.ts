import { APP_CONFIG, type AppConfig } from '@app/config';
import { Accounts } from '@app/identity';
import { MailOutbox } from '@app/mail';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { NotificationChannel, NotificationKind, NotificationLanguage } from './notification-kinds';
import { NotificationPreferencesService } from './notification-preferences.service';
import { notificationMail, renderNotification, type NotificationParams } from './notification-templates';

export interface NewNotification {
  accountIds: readonly string[];
  kind: NotificationKind;
  params: NotificationParams;
  /** What makes it the same notification again (the event's id): a second one is never made. */
  dedupKey: string;
}

const DELIVERY: Record<NotificationChannel, 'mailed' | 'digest_pending' | 'in_app'> = {
  immediate: 'mailed',
  digest: 'digest_pending',
  off: 'in_app',
};

/**
 * Stores a notification for each account and, as each user prefers for its kind, mails it at once
 * (through the mail outbox, in the same transaction), keeps it for the digest, or only shows it in
 * the app. A notification already made for the same key is left as it is, mail included.
 */
@Injectable()
export class NotificationCentre {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly preferences: NotificationPreferencesService,
    private readonly accounts: Accounts,
    private readonly mail: MailOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async notify(input: NewNotification): Promise<number> {
    if (input.accountIds.length === 0) return 0;
    return this.dataSource.transaction(async (manager) => {
      const preferences = await this.preferences.of(manager, input.accountIds);
      const addresses = await this.accounts.emailsOf(manager, input.accountIds);
      let made = 0;
      for (const accountId of input.accountIds) {
        const choice = preferences.get(accountId)!;
        const delivery = DELIVERY[choice.channels[input.kind]];
        const inserted: { id: string }[] = await manager.query(
          `INSERT INTO notifications (id, account_id, kind, params, dedup_key, delivery)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (account_id, dedup_key) DO NOTHING RETURNING id`,
          [randomUUID(), accountId, input.kind, JSON.stringify(input.params), input.dedupKey, delivery],
        );
        if (inserted.length === 0) continue;
        made += 1;
        const to = addresses.get(accountId);
        if (delivery !== 'mailed' || !to) continue;
        const rendered = renderNotification(input.kind, choice.language, input.params);
        await this.mail.queue(manager, {
          template: `notifications.${input.kind}`,
          to,
          ...notificationMail(choice.language, rendered, this.inboxLink(choice.language)),
        });
      }
      return made;
    });
  }

  /** The web front end's notification list, in the reader's mail language. */
  inboxLink(language: NotificationLanguage): string {
    return `${this.config.mail.publicUrl}/${language}/notifications`;
  }
}

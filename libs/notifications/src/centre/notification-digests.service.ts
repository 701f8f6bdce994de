import { Accounts } from '@app/identity';
import { MailOutbox } from '@app/mail';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotificationCentre } from './notification-centre.service';
import type { NotificationKind } from './notification-kinds';
import { NotificationPreferencesService } from './notification-preferences.service';
import { digestMail, renderNotification, type NotificationParams } from './notification-templates';

const ACCOUNTS_PER_PASS = 200;

/**
 * Mails each user's pending digest notifications in one message. Rows are locked and marked in the
 * transaction that queues the mail, so two runs never put the same notification in two digests.
 */
@Injectable()
export class NotificationDigests {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly preferences: NotificationPreferencesService,
    private readonly accounts: Accounts,
    private readonly mail: MailOutbox,
    private readonly centre: NotificationCentre,
  ) {}

  /** Returns how many digests were queued. */
  async send(): Promise<number> {
    let sent = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const accounts: { account_id: string }[] = await this.dataSource.query(
        `SELECT DISTINCT account_id FROM notifications
          WHERE delivery = 'digest_pending' AND account_id > $1 ORDER BY account_id LIMIT $2`,
        [after, ACCOUNTS_PER_PASS],
      );
      for (const { account_id: accountId } of accounts) {
        if (await this.sendOne(accountId)) sent += 1;
      }
      if (accounts.length < ACCOUNTS_PER_PASS) return sent;
      after = accounts[accounts.length - 1].account_id;
    }
  }

  private sendOne(accountId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; kind: NotificationKind; params: NotificationParams }[] = await manager.query(
        `SELECT id, kind, params FROM notifications
          WHERE account_id = $1 AND delivery = 'digest_pending'
          ORDER BY created_at, id FOR UPDATE SKIP LOCKED`,
        [accountId],
      );
      if (rows.length === 0) return false;
      const { language } = (await this.preferences.of(manager, [accountId])).get(accountId)!;
      const to = (await this.accounts.emailsOf(manager, [accountId])).get(accountId);
      await manager.query(`UPDATE notifications SET delivery = 'digested' WHERE id = ANY($1::uuid[])`, [
        rows.map((row) => row.id),
      ]);
      if (!to) return false;
      const items = rows.map((row) => renderNotification(row.kind, language, row.params));
      await this.mail.queue(manager, {
        template: 'notifications.digest',
        to,
        ...digestMail(language, items, this.centre.inboxLink(language)),
      });
      return true;
    });
  }
}

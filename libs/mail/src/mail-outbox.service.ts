import { OutboxService } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { MailMessageEntity } from './mail-message.entity';
import type { OutgoingMail } from './mail.types';

/** Days a sent message's address and subject are kept, for delivery questions. */
export const SENT_MAIL_RETENTION_DAYS = 30;

/**
 * Stores a rendered message and its `mail.send` job in the caller's transaction: a rolled-back
 * action sends nothing, and a committed one is sent even if the process dies right after.
 */
@Injectable()
export class MailOutbox {
  constructor(
    private readonly outbox: OutboxService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async queue(manager: EntityManager, mail: OutgoingMail): Promise<string> {
    const id = randomUUID();
    await manager.insert(MailMessageEntity, {
      id,
      template: mail.template,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      headers: mail.headers ? { ...mail.headers } : null,
    });
    await this.outbox.add(manager, 'mail.send', { messageId: id });
    return id;
  }

  /**
   * Deletes messages sent more than `SENT_MAIL_RETENTION_DAYS` ago. Their bodies (with any action
   * link) were already dropped on sending; what is left, the address and subject, goes too.
   */
  async purgeSent(): Promise<number> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      'DELETE FROM mail_messages WHERE sent_at < now() - make_interval(days => $1)',
      [SENT_MAIL_RETENTION_DAYS],
    );
    return deleted;
  }

  /** Erasure: removes every stored message to this address (their pending jobs then find nothing). */
  async forgetRecipient(manager: EntityManager, address: string): Promise<number> {
    const [, deleted] = await manager.query<[unknown, number]>(
      'DELETE FROM mail_messages WHERE to_address = $1',
      [address],
    );
    return deleted;
  }
}

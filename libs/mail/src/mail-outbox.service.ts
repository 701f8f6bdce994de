import { OutboxService } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { MailMessageEntity } from './mail-message.entity';
import type { OutgoingMail } from './mail.types';

/**
 * Stores a rendered message and its `mail.send` job in the caller's transaction: a rolled-back
 * action sends nothing, and a committed one is sent even if the process dies right after.
 */
@Injectable()
export class MailOutbox {
  constructor(private readonly outbox: OutboxService) {}

  async queue(manager: EntityManager, mail: OutgoingMail): Promise<string> {
    const id = randomUUID();
    await manager.insert(MailMessageEntity, {
      id,
      template: mail.template,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
    });
    await this.outbox.add(manager, 'mail.send', { messageId: id });
    return id;
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

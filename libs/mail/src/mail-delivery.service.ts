import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MailMessageEntity } from './mail-message.entity';
import { MAIL_TRANSPORT, type MailTransport } from './mail.types';

export type DeliveryOutcome = 'sent' | 'already_sent' | 'missing';

/**
 * Sends one stored message. The row stays locked while sending so two workers never send it twice;
 * a message already marked sent is skipped, which makes the job safe to retry.
 */
@Injectable()
export class MailDelivery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliver(messageId: string): Promise<DeliveryOutcome> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const message = await manager.findOne(MailMessageEntity, {
          where: { id: messageId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!message) return 'missing';
        if (message.sentAt) return 'already_sent';
        await this.transport.send({
          id: message.id,
          from: this.config.mail.from,
          template: message.template,
          to: message.toAddress,
          subject: message.subject,
          text: message.textBody ?? '',
          headers: message.headers ?? undefined,
        });
        await manager.update(
          MailMessageEntity,
          { id: message.id },
          {
            sentAt: new Date(),
            textBody: null,
            headers: null,
            attempts: message.attempts + 1,
            lastError: null,
          },
        );
        return 'sent';
      });
    } catch (error) {
      await this.dataSource.query(
        'UPDATE mail_messages SET attempts = attempts + 1, last_error = $2 WHERE id = $1 AND sent_at IS NULL',
        [messageId, error instanceof Error ? error.message : String(error)],
      );
      throw error;
    }
  }
}

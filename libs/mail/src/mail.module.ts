import { APP_CONFIG, type AppConfig } from '@app/config';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailDelivery } from './mail-delivery.service';
import { MailMessageEntity } from './mail-message.entity';
import { MailOutbox } from './mail-outbox.service';
import { MailboxTransport } from './mailbox.transport';
import { MAIL_TRANSPORT, type MailTransport } from './mail.types';
import { SmtpTransport } from './smtp.transport';

@Module({
  imports: [QueueModule, TypeOrmModule.forFeature([MailMessageEntity])],
  providers: [
    MailOutbox,
    MailDelivery,
    {
      provide: MAIL_TRANSPORT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MailTransport => {
        switch (config.mail.transport) {
          case 'smtp':
            // The config schema refuses MAIL_TRANSPORT=smtp without SMTP_URL.
            return new SmtpTransport(config.mail.smtpUrl ?? '', config.mail.smtpTimeoutMs);
          case 'mailbox':
            return new MailboxTransport(config.mail.mailboxDir);
        }
      },
    },
  ],
  exports: [MailOutbox, MailDelivery],
})
export class MailModule {}

export { MailDelivery, type DeliveryOutcome } from './mail-delivery.service';
export { MailModule } from './mail.module';
export { MailOutbox, SENT_MAIL_RETENTION_DAYS } from './mail-outbox.service';
export type { OutgoingMail } from './mail.types';

export { MailDelivery, type DeliveryOutcome } from './mail-delivery.service';
export { MailModule } from './mail.module';
export { MailOutbox } from './mail-outbox.service';
export type { OutgoingMail } from './mail.types';

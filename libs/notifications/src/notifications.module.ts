import { EmployersModule } from '@app/employers';
import { IdentityModule } from '@app/identity';
import { MailModule } from '@app/mail';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { EventNotifications } from './centre/event-notifications.service';
import { NotificationCentre } from './centre/notification-centre.service';
import { NotificationDigests } from './centre/notification-digests.service';
import { NotificationInbox } from './centre/notification-inbox.service';
import { NotificationPreferencesService } from './centre/notification-preferences.service';
import { DestinationPolicy } from './webhooks/destination-policy';
import { WebhookDeliveries } from './webhooks/webhook-deliveries.service';
import { WebhookEndpoints } from './webhooks/webhook-endpoints.service';

const PUBLIC = [
  NotificationCentre,
  NotificationInbox,
  NotificationPreferencesService,
  NotificationDigests,
  EventNotifications,
  WebhookEndpoints,
  WebhookDeliveries,
];

/** The notification centre (in-app list, preferences, mail, digests) and signed webhooks. */
@Module({
  imports: [EmployersModule, IdentityModule, MailModule, QueueModule],
  providers: [...PUBLIC, DestinationPolicy],
  exports: PUBLIC,
})
export class NotificationsModule {}

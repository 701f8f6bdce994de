import { CandidatesModule } from '@app/candidates';
import { DiscoveryModule } from '@app/discovery';
import { EmployersModule } from '@app/employers';
import { IdentityModule } from '@app/identity';
import { MailModule } from '@app/mail';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { SavedSearchRunner } from './alerts/saved-search-runner.service';
import { SavedSearches } from './alerts/saved-searches.service';
import { UnsubscribeLinks } from './alerts/unsubscribe-links';
import { EventNotifications } from './centre/event-notifications.service';
import { NotificationCentre } from './centre/notification-centre.service';
import { NotificationDigests } from './centre/notification-digests.service';
import { NotificationInbox } from './centre/notification-inbox.service';
import { NotificationPreferencesService } from './centre/notification-preferences.service';
import { NewMatchNotices } from './centre/new-match-notices.service';
import { VacancyExpiryNotices } from './centre/vacancy-expiry-notices.service';
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
  SavedSearches,
  SavedSearchRunner,
  UnsubscribeLinks,
  VacancyExpiryNotices,
  NewMatchNotices,
];

/** The notification centre (in-app list, preferences, mail, digests) and signed webhooks. */
@Module({
  imports: [CandidatesModule, DiscoveryModule, EmployersModule, IdentityModule, MailModule, QueueModule],
  providers: [...PUBLIC, DestinationPolicy],
  exports: PUBLIC,
})
export class NotificationsModule {}

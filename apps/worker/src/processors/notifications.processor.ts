import {
  EventNotifications,
  NewMatchNotices,
  NotificationDigests,
  SavedSearchRunner,
  VacancyExpiryNotices,
  WebhookDeliveries,
} from '@app/notifications';
import type { JobHandlers } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { TypedProcessor } from './typed-processor';

@Processor('notifications')
export class NotificationsProcessor extends TypedProcessor<'notifications'> {
  constructor(
    private readonly notifications: EventNotifications,
    private readonly webhooks: WebhookDeliveries,
    private readonly digests: NotificationDigests,
    private readonly alerts: SavedSearchRunner,
    private readonly vacancyExpiry: VacancyExpiryNotices,
    private readonly newMatches: NewMatchNotices,
  ) {
    super();
  }

  readonly handlers: JobHandlers<'notifications'> = {
    'events.dispatch': async (job) => ({
      notified: await this.notifications.onEvent(job.data),
      webhookDeliveries: await this.webhooks.fanOut(job.data),
    }),
    'notifications.digest': async () => ({ digests: await this.digests.send() }),
    'alerts.run': async () => this.alerts.runAll(),
    'notifications.vacancy-expiry': async () => ({ notified: await this.vacancyExpiry.send() }),
    'notifications.new-matches': async () => ({ notified: await this.newMatches.send() }),
  };
}

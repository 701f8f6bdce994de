import { NotificationsModule } from '@app/notifications';
import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { SavedSearchesController } from './saved-searches.controller';
import { UnsubscribeController } from './unsubscribe.controller';
import { WebhooksAdminController } from './webhooks-admin.controller';

@Module({
  imports: [NotificationsModule],
  controllers: [
    NotificationsController,
    WebhooksAdminController,
    SavedSearchesController,
    UnsubscribeController,
  ],
})
export class NotificationsApiModule {}

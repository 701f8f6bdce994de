import { NotificationsModule } from '@app/notifications';
import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { WebhooksAdminController } from './webhooks-admin.controller';

@Module({
  imports: [NotificationsModule],
  controllers: [NotificationsController, WebhooksAdminController],
})
export class NotificationsApiModule {}

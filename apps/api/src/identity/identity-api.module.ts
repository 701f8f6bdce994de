import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { Module } from '@nestjs/common';
import { AdminAccountsController } from './admin-accounts.controller';
import { AuthController } from './auth.controller';
import { MeController } from './me.controller';

@Module({
  imports: [IdentityModule, NotificationsModule],
  controllers: [AuthController, MeController, AdminAccountsController],
})
export class IdentityApiModule {}

import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { LoggingModule } from '@app/logging';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access/access.guard';
import { HealthModule } from './health/health.module';

@Module({
  imports: [ConfigModule, LoggingModule.forService('api'), DatabaseModule, HealthModule],
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
})
export class ApiModule {}

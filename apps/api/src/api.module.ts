import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { LoggingModule } from '@app/logging';
import { Module } from '@nestjs/common';
import { HealthModule } from './health/health.module';

@Module({
  imports: [ConfigModule, LoggingModule.forService('api'), DatabaseModule, HealthModule],
})
export class ApiModule {}

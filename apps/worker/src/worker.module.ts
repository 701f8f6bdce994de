import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { LoggingModule } from '@app/logging';
import { QueueModule } from '@app/queue';
import { SearchModule } from '@app/search';
import { Module } from '@nestjs/common';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { WorkerService } from './worker.service';

@Module({
  imports: [ConfigModule, LoggingModule.forService('worker'), DatabaseModule, QueueModule, SearchModule],
  providers: [MaintenanceProcessor, WorkerService],
})
export class WorkerModule {}

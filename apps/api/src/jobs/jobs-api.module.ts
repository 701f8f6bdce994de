import { AuditModule } from '@app/audit';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { FailedJobsController } from './failed-jobs.controller';

@Module({ imports: [QueueModule, AuditModule], controllers: [FailedJobsController] })
export class JobsApiModule {}

import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { FailedJobsController } from './failed-jobs.controller';

@Module({ imports: [QueueModule], controllers: [FailedJobsController] })
export class JobsApiModule {}

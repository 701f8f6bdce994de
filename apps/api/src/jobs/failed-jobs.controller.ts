import { AuditService } from '@app/audit';
import { FailedJobs } from '@app/queue';
import type { Page } from '@app/common';
import { actorOf, type CallContext, type Principal } from '@app/identity';
import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { CallerContext, CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { PageQuery, PageResponse } from '../openapi/pagination';

class FailedJobResponse {
  @ApiProperty({
    description: 'The queue, a matching shard’s own (`matching-shard-<n>`) when matching is sharded',
  })
  queue!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) id!: string | null;
  @ApiProperty() attemptsMade!: number;
  @ApiProperty() failedReason!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) processedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) failedAt!: Date | null;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/jobs')
export class FailedJobsController {
  constructor(
    private readonly failed: FailedJobs,
    private readonly audit: AuditService,
  ) {}

  @Roles('admin')
  @Get('failed')
  @ApiOperation({
    summary:
      'Background jobs that used up their retries, across every queue (the matching shards’ too), newest first',
  })
  @ApiOkResponse({ type: PageResponse(FailedJobResponse) })
  list(@Query() query: PageQuery): Promise<Page<FailedJobResponse>> {
    return this.failed.list(query);
  }

  @Roles('admin')
  @Post('failed/:queue/:id/retry')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Run a failed job again',
    description:
      'The job goes back to its queue with the same payload and a fresh round of attempts. The retry is audited.',
  })
  @ApiParam({ name: 'queue', description: 'The queue the listing names' })
  @ApiParam({ name: 'id', type: String })
  @ApiOkResponse({ type: FailedJobResponse, description: 'The job as it was when it failed, now queued again' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'JOB_NOT_FOUND: no such queue or job' })
  @ApiConflictResponse({ type: ErrorBody, description: 'JOB_NOT_FAILED: the job is waiting, running or done' })
  async retry(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @CallerContext() context: CallContext,
  ): Promise<FailedJobResponse> {
    const job = await this.failed.retry(queue, id);
    // The queue lives in Redis: there is no transaction to join, so the event is written on its own.
    await this.audit.recordRead({
      actor: actorOf(principal),
      action: 'job.retried',
      target: { type: 'job', id: `${job.queue}/${id}` },
      requestId: context.requestId,
      details: { queue: job.queue, name: job.name, attemptsMade: job.attemptsMade },
    });
    return job;
  }
}

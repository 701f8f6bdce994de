import { FailedJobs } from '@app/queue';
import type { Page } from '@app/common';
import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
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
  constructor(private readonly failed: FailedJobs) {}

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
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Run a failed job again, from its first attempt, on its own queue' })
  @ApiParam({ name: 'queue', description: 'The queue the listing names' })
  @ApiParam({ name: 'id', description: 'The job id the listing names' })
  @ApiNoContentResponse({ description: 'The job is waiting on its queue again' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'JOB_NOT_FOUND: no such queue or job' })
  @ApiConflictResponse({ type: ErrorBody, description: 'JOB_NOT_FAILED: the job is waiting, running or done' })
  async retry(@Param('queue') queue: string, @Param('id') id: string): Promise<void> {
    await this.failed.retry(queue, id);
  }
}

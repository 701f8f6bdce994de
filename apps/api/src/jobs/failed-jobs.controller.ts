import { FailedJobs } from '@app/queue';
import type { Page } from '@app/common';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { PageQuery, PageResponse } from '../openapi/pagination';

class FailedJobResponse {
  @ApiProperty() queue!: string;
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
  @ApiOperation({ summary: 'Background jobs that used up their retries, across every queue, newest first' })
  @ApiOkResponse({ type: PageResponse(FailedJobResponse) })
  list(@Query() query: PageQuery): Promise<Page<FailedJobResponse>> {
    return this.failed.list(query);
  }
}

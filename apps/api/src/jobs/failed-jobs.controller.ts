import { FailedJobs } from '@app/queue';
import { Controller, DefaultValuePipe, Get, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';

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
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
    description: 'Values outside 1–500 are clamped',
  })
  @ApiOkResponse({ type: [FailedJobResponse] })
  list(
    @Query('limit', new DefaultValuePipe(100), new ParseIntPipe()) limit: number,
  ): Promise<FailedJobResponse[]> {
    return this.failed.list(Math.min(Math.max(limit, 1), 500));
  }
}

import { ConsistencyReports } from '@app/consistency';
import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { ConsistencyCheckRequest } from './consistency-check.request';
import {
  ConsistencyCheckRequestedResponse,
  LastConsistencyReportResponse,
  toReportResponse,
} from './consistency.responses';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/consistency')
export class ConsistencyController {
  constructor(private readonly reports: ConsistencyReports) {}

  @Roles('admin')
  @Get()
  @ApiOperation({
    summary: 'The last consistency check: drift between PostgreSQL, the search indexes and the matches',
    description:
      'The worker checks every CONSISTENCY_CHECK_INTERVAL_MINUTES and on request; counts and a few sample ids per kind, no personal data.',
  })
  @ApiOkResponse({ type: LastConsistencyReportResponse })
  async last(): Promise<LastConsistencyReportResponse> {
    return toReportResponse(await this.reports.latest());
  }

  @Roles('admin')
  @Post('checks')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Ask the worker for a consistency check now, and optionally a repair of its drift',
  })
  @ApiAcceptedResponse({ type: ConsistencyCheckRequestedResponse })
  async request(@Body() body: ConsistencyCheckRequest): Promise<ConsistencyCheckRequestedResponse> {
    const repair = body.repair ?? false;
    await this.reports.request({ repair, reason: 'requested by an administrator' });
    return { status: 'accepted', repair };
  }
}

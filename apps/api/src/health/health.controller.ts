import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../access/access.decorator';
import { HealthResponse, LivenessResponse, ReadinessResponse } from './health.response';
import { HealthService } from './health.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOkResponse({ type: HealthResponse, description: 'Postgres, Redis and Meilisearch all answer' })
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: 'At least one service is down' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const report = await this.health.check();
    response.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  @Get('live')
  @ApiOkResponse({ type: LivenessResponse, description: 'The process answers HTTP' })
  live(): LivenessResponse {
    return { status: 'alive' };
  }

  @Get('ready')
  @ApiOkResponse({
    type: ReadinessResponse,
    description: 'Every service answers and the taxonomy indexes serve autocomplete',
  })
  @ApiServiceUnavailableResponse({ type: ReadinessResponse, description: 'Not ready to serve yet' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessResponse> {
    const report = await this.health.readiness();
    response.status(report.status === 'ready' ? 200 : 503);
    return report;
  }
}

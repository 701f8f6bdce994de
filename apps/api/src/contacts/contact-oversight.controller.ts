import { ContactOversight, PlacementStatistics } from '@app/contacts';
import { pageOf, type Page } from '@app/common';
import type { CallContext, Principal } from '@app/identity';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../access/access.decorator';
import { CallerContext, CurrentPrincipal } from '../access/current-principal.decorator';
import { PageResponse } from '../openapi/pagination';
import { ContactRatesQuery, SuspensionRequest } from './contacts.requests';
import { ContactRatesResponse, PlacementStatisticsResponse } from './contacts.responses';

@ApiTags('contacts (oversight)')
@Controller()
export class ContactOversightController {
  constructor(
    private readonly oversight: ContactOversight,
    private readonly placements: PlacementStatistics,
  ) {}

  @Roles('ncp', 'admin')
  @Get('contact-oversight/rates')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'NCPs (own Member State) and administrators: contact requests, acceptances, declines and applications per ' +
      'employer over the last days, and whether its contacting is suspended',
  })
  @ApiOkResponse({ type: PageResponse(ContactRatesResponse) })
  async rates(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ContactRatesQuery,
  ): Promise<Page<ContactRatesResponse>> {
    const rates = await this.oversight.rates(principal, {
      memberState: query.memberState,
      days: query.days ?? 30,
    });
    return pageOf(rates, query);
  }

  @Roles('ncp', 'admin')
  @Put('contact-oversight/employers/:id/suspension')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'NCPs (own Member State) and administrators: suspend an employer’s contacting (requests and messages). Audited.',
  })
  @ApiNoContentResponse()
  async suspend(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SuspensionRequest,
    @CallerContext() context: CallContext,
  ): Promise<void> {
    await this.oversight.suspend(principal, id, body.reason, context);
  }

  @Roles('ncp', 'admin')
  @Delete('contact-oversight/employers/:id/suspension')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'NCPs (own Member State) and administrators: lift the suspension. Audited.' })
  @ApiNoContentResponse()
  async lift(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @CallerContext() context: CallContext,
  ): Promise<void> {
    await this.oversight.lift(principal, id, context);
  }

  @Public()
  @Get('statistics/placements')
  @ApiTags('statistics')
  @ApiOperation({
    summary:
      'Anyone: hires made through the platform by occupation, Member State and residence country. Counts from 1 to 9 ' +
      'are withheld (null) so that no one can be singled out.',
  })
  @ApiOkResponse({ type: PlacementStatisticsResponse })
  publicPlacements(): Promise<PlacementStatisticsResponse> {
    return this.placements.statistics('public');
  }

  @Roles('admin')
  @Get('admin/statistics/placements')
  @ApiTags('statistics')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Administrators: placements, nothing withheld' })
  @ApiOkResponse({ type: PlacementStatisticsResponse })
  adminPlacements(): Promise<PlacementStatisticsResponse> {
    return this.placements.statistics('admin');
  }
}

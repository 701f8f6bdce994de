import { pageOf, type Page } from '@app/common';
import type { CallContext, Principal } from '@app/identity';
import { PartnerCountryAdministration } from '@app/partner-country-administration';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { CallerContext, CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { PageQuery, PageResponse } from '../openapi/pagination';
import { CountryCodePipe } from '../validation/country-code.pipe';
import { SetCountryStatusRequest, StatusProposalRequest } from './partner-countries.requests';
import {
  ImpactPreviewResponse,
  StatusChangeResponse,
  StatusHistoryResponse,
} from './partner-countries.responses';

@ApiTags('admin')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorBody })
@Roles('admin')
@Controller('admin/partner-countries')
export class PartnerCountriesAdminController {
  constructor(private readonly administration: PartnerCountryAdministration) {}

  @Post(':countryCode/impact-preview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'What a proposed status would change (profiles, matches), without applying it' })
  @ApiOkResponse({ type: ImpactPreviewResponse })
  async preview(
    @Param('countryCode', CountryCodePipe) countryCode: string,
    @Body() body: StatusProposalRequest,
  ): Promise<ImpactPreviewResponse> {
    return ImpactPreviewResponse.from(await this.administration.preview(countryCode, body));
  }

  @Post(':countryCode/status')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Set a third country’s status from a date: suspension hides its candidates from search and matching ' +
      '(and tells them why), lifting restores them',
  })
  @ApiOkResponse({ type: StatusChangeResponse })
  async setStatus(
    @CurrentPrincipal() admin: Principal,
    @Param('countryCode', CountryCodePipe) countryCode: string,
    @Body() body: SetCountryStatusRequest,
    @CallerContext() context: CallContext,
  ): Promise<StatusChangeResponse> {
    return StatusChangeResponse.from(await this.administration.setStatus(admin, countryCode, body, context));
  }

  @Get(':countryCode/history')
  @ApiOkResponse({ type: PageResponse(StatusHistoryResponse) })
  async history(
    @Param('countryCode', CountryCodePipe) countryCode: string,
    @Query() query: PageQuery,
  ): Promise<Page<StatusHistoryResponse>> {
    const history = await this.administration.history(countryCode);
    return pageOf(
      history.map((entry) => StatusHistoryResponse.from(entry)),
      query,
    );
  }
}

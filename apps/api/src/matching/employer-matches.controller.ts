import { labelLanguageFor } from '@app/taxonomy';
import { pageOf, type Page } from '@app/common';
import type { CallContext, Principal } from '@app/identity';
import { EmployerMatches } from '@app/matching';
import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { CallerContext, CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { PageResponse } from '../openapi/pagination';
import { EmployerMatchesQuery, MatchStatusRequest } from './matching.requests';
import { EmployerMatchResponse, MatchStatusResponse } from './matching.responses';

@ApiTags('matching')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorBody })
@ApiForbiddenResponse({ type: ErrorBody, description: 'NOT_OWNER, EMPLOYER_NOT_VERIFIED' })
@Controller('vacancies/:id/matches')
export class EmployerMatchesController {
  constructor(private readonly matches: EmployerMatches) {}

  @Roles('employer')
  @Get()
  @ApiOperation({
    summary: 'Ranked, pseudonymised and explained candidates for one of the organisation’s vacancies',
  })
  @ApiOkResponse({ type: PageResponse(EmployerMatchResponse) })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: EmployerMatchesQuery,
  ): Promise<Page<EmployerMatchResponse>> {
    const views = await this.matches.list(principal, id, {
      language: labelLanguageFor(query.lang ?? 'en'),
      status: query.status,
    });
    return pageOf(
      views.map((view) => EmployerMatchResponse.from(view)),
      query,
    );
  }

  @Roles('employer')
  @Put(':referenceCode/status')
  @ApiOperation({ summary: 'Mark a match new, seen, shortlisted or dismissed (kept across recomputation)' })
  @ApiOkResponse({ type: MatchStatusResponse })
  async setStatus(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('referenceCode') referenceCode: string,
    @Body() body: MatchStatusRequest,
    @CallerContext() context: CallContext,
  ): Promise<MatchStatusResponse> {
    return this.matches.setStatus(principal, id, referenceCode, body.status, context);
  }
}

import type { Page } from '@app/common';
import type { Principal } from '@app/identity';
import { SavedSearches } from '@app/notifications';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { PageQuery, PageResponse } from '../openapi/pagination';
import { SaveJobAlertRequest, SaveTalentSearchRequest } from './notifications.requests';
import { SavedSearchResponse } from './notifications.responses';

@ApiTags('saved searches and alerts')
@ApiBearerAuth()
@Controller('me/saved-searches')
export class SavedSearchesController {
  constructor(private readonly searches: SavedSearches) {}

  @Roles('employer')
  @Post('talent')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Verified employers: saves a talent search; new pseudonymised hits are mailed on each scheduled run, never twice',
  })
  @ApiCreatedResponse({ type: SavedSearchResponse })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'EMPLOYER_NOT_VERIFIED' })
  saveTalent(
    @CurrentPrincipal() principal: Principal,
    @Body() body: SaveTalentSearchRequest,
  ): Promise<SavedSearchResponse> {
    const { lang, ...criteria } = criteriaOf(body.query, ['limit', 'offset', 'facets']);
    return this.searches.saveTalentSearch(principal, body.name, {
      ...criteria,
      language: lang,
      sort: criteria.sort ?? 'relevance',
    });
  }

  @Roles('candidate')
  @Post('jobs')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Candidates: saves a job alert; new vacancies are mailed on each scheduled run, never twice',
  })
  @ApiCreatedResponse({ type: SavedSearchResponse })
  saveJobs(
    @CurrentPrincipal() principal: Principal,
    @Body() body: SaveJobAlertRequest,
  ): Promise<SavedSearchResponse> {
    const criteria = criteriaOf(body.query, ['limit', 'offset']);
    return this.searches.saveJobAlert(principal, body.name, {
      ...criteria,
      sort: criteria.sort ?? 'relevance',
    });
  }

  @Roles('employer', 'candidate')
  @Get()
  @ApiOperation({ summary: 'My saved talent searches or job alerts' })
  @ApiOkResponse({ type: PageResponse(SavedSearchResponse) })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<Page<SavedSearchResponse>> {
    return this.searches.list(principal, query);
  }

  @Roles('employer', 'candidate')
  @Delete(':savedSearchId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Deletes one of my saved searches or alerts' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'SAVED_SEARCH_NOT_FOUND (also another user’s)' })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('savedSearchId', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.searches.remove(principal, id);
  }
}

/** The search's criteria as stored: without its page window, and without fields left unset. */
function criteriaOf<T extends object, K extends keyof T>(query: T, drop: readonly K[]): Omit<T, K> {
  return Object.fromEntries(
    Object.entries(query).filter(
      ([key, value]) => value !== undefined && !(drop as readonly string[]).includes(key),
    ),
  ) as Omit<T, K>;
}

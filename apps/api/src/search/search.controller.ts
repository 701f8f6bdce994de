import { JobSearch, TalentSearch } from '@app/discovery';
import type { CallContext, PendingPrincipal } from '@app/identity';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, RolesConfirmedAlongside } from '../access/access.decorator';
import { CallerContext, PendingCaller } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { JobSearchRequest } from './job-search.request';
import { ReferenceCodePipe } from '../validation/reference-code.pipe';
import { JobSearchResponse, TalentProfileResponse, TalentSearchResponse } from './search.responses';
import { ENGINE_TIMING_HEADER, withEngineTiming } from './server-timing';
import { TalentProfileQuery, TalentSearchRequest } from './talent-search.request';

@ApiTags('search')
@ApiServiceUnavailableResponse({ type: ErrorBody, description: 'SEARCH_UNAVAILABLE' })
@Controller('search')
export class SearchController {
  constructor(
    private readonly talent: TalentSearch,
    private readonly jobs: JobSearch,
  ) {}

  @RolesConfirmedAlongside('employer')
  @Post('talent')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Search pseudonymised candidate profiles (verified employers only); every search is audited with its criteria',
  })
  @ApiOkResponse({ type: TalentSearchResponse, headers: ENGINE_TIMING_HEADER })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'EMPLOYER_NOT_VERIFIED' })
  async searchTalent(
    @PendingCaller() caller: PendingPrincipal,
    @Body() body: TalentSearchRequest,
    @CallerContext() context: CallContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TalentSearchResponse> {
    const { lang, ...criteria } = body;
    const timed = await this.talent.search(
      caller,
      {
        ...criteria,
        language: lang,
        sort: body.sort ?? 'relevance',
      },
      context,
    );
    return withEngineTiming(response, timed);
  }

  @RolesConfirmedAlongside('employer')
  @Get('talent/profiles/:referenceCode')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'The whole pseudonymised profile behind a result card (verified employers only, while the candidate is searchable); every view is audited',
  })
  @ApiOkResponse({ type: TalentProfileResponse })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'EMPLOYER_NOT_VERIFIED' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'TALENT_PROFILE_NOT_FOUND' })
  talentProfile(
    @PendingCaller() caller: PendingPrincipal,
    @Param('referenceCode', ReferenceCodePipe) referenceCode: string,
    @Query() query: TalentProfileQuery,
    @CallerContext() context: CallContext,
  ): Promise<TalentProfileResponse> {
    return this.talent.profile(caller, referenceCode, query.lang ?? 'en', context);
  }

  @Public()
  @Get('jobs')
  @ApiOperation({
    summary: 'Search open vacancies of verified employers in participating Member States, with facet counts',
  })
  @ApiOkResponse({ type: JobSearchResponse, headers: ENGINE_TIMING_HEADER })
  async searchJobs(
    @Query() query: JobSearchRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<JobSearchResponse> {
    const timed = await this.jobs.search({
      ...query,
      sort: query.sort ?? 'relevance',
    });
    return withEngineTiming(response, timed);
  }
}

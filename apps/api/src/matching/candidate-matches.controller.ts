import { pageOf } from '@app/common';
import type { Principal } from '@app/identity';
import { CandidateProfiles } from '@app/candidates';
import { CandidateMatches } from '@app/matching';
import { labelLanguageFor, type TaxonomyLanguage } from '@app/taxonomy';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { candidateLabelLanguage } from '../candidates/candidate-label-language';
import { ErrorBody } from '../errors/error-body';
import { MatchesQuery, MatchLanguageQuery } from './matching.requests';
import {
  ADMISSION_NOTICE,
  CandidateMatchesResponse,
  CandidateMatchResponse,
  MatchImprovementsResponse,
} from './matching.responses';

@ApiTags('matching')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorBody, description: 'CANDIDATE_NOT_FOUND' })
@Controller('candidates/me/matches')
export class CandidateMatchesController {
  constructor(
    private readonly matches: CandidateMatches,
    private readonly profiles: CandidateProfiles,
  ) {}

  /** `lang`, or for ar the candidate's most fluent language that ESCO has, else en. */
  private async labelLanguage(principal: Principal, lang = 'en'): Promise<TaxonomyLanguage> {
    if (lang !== 'ar') return labelLanguageFor(lang);
    return candidateLabelLanguage(lang, await this.profiles.getByAccount(principal, principal.accountId));
  }

  @Roles('candidate')
  @Get()
  @ApiOperation({ summary: 'The caller’s matched vacancies, best first, with explanations' })
  @ApiOkResponse({ type: CandidateMatchesResponse })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: MatchesQuery,
  ): Promise<CandidateMatchesResponse> {
    const views = await this.matches.list(principal, await this.labelLanguage(principal, query.lang));
    const page = pageOf(views, query);
    return {
      notice: ADMISSION_NOTICE,
      ...page,
      items: page.items.map((view) => CandidateMatchResponse.from(view)),
    };
  }

  @Roles('candidate')
  @Get('improvements')
  @ApiOperation({
    summary:
      'What would raise my match: the missing essential skills that recur most across shortage-occupation ' +
      'vacancies close to the caller’s occupations',
  })
  @ApiOkResponse({ type: MatchImprovementsResponse })
  async improvements(
    @CurrentPrincipal() principal: Principal,
    @Query() query: MatchLanguageQuery,
  ): Promise<MatchImprovementsResponse> {
    return MatchImprovementsResponse.from(
      await this.matches.improvements(principal, await this.labelLanguage(principal, query.lang)),
    );
  }
}

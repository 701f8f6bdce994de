import { CandidateProfiles } from '@app/candidates';
import type { Principal } from '@app/identity';
import { ConceptSuggestions, TaxonomyLookup } from '@app/taxonomy';
import { Body, Controller, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { ReaderLanguageQuery } from '../vacancies/reader-language.query';
import { candidateLabelLanguage, labelledProfile } from './candidate-label-language';
import { CandidateProfileResponse } from './responses/candidate-profile.response';
import {
  AcceptSuggestionsRequest,
  SuggestConceptsRequest,
  SuggestionsResponse,
} from './skill-suggestions.dto';

@ApiTags('candidates')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorBody })
@ApiNotFoundResponse({ type: ErrorBody, description: 'No candidate profile yet' })
@Roles('candidate')
@Controller('candidates/me/skill-suggestions')
export class SkillSuggestionsController {
  constructor(
    private readonly suggestions: ConceptSuggestions,
    private readonly profiles: CandidateProfiles,
    private readonly taxonomy: TaxonomyLookup,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'ESCO occupations and skills named in my own description of my work (EN, FR, ES or AR)',
    description:
      'The labels and alternative labels of ESCO in the text’s language are looked for in the text (PostgreSQL ' +
      'full text: stemming and stop words). Nothing is added to the profile and nothing of the text is stored: ' +
      'accept the suggestions wanted with `POST …/skill-suggestions/accept`; the others are simply not accepted.',
  })
  @ApiOkResponse({ type: SuggestionsResponse })
  async suggest(
    @CurrentPrincipal() principal: Principal,
    @Body() body: SuggestConceptsRequest,
    @Query() query: ReaderLanguageQuery,
  ): Promise<SuggestionsResponse> {
    const profile = await this.profiles.getByAccount(principal, principal.accountId);
    const readerLanguage = candidateLabelLanguage(query.lang ?? body.language, profile);
    return SuggestionsResponse.from(await this.suggestions.suggest(body.text, body.language, readerLanguage));
  }

  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Add accepted suggestions to my profile (occupations with 0 years of experience, to be completed)',
  })
  @ApiOkResponse({ type: CandidateProfileResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'No longer eligible' })
  async accept(
    @CurrentPrincipal() principal: Principal,
    @Body() body: AcceptSuggestionsRequest,
    @Query() query: ReaderLanguageQuery,
  ): Promise<CandidateProfileResponse> {
    const profile = await this.profiles.acceptConcepts(principal, {
      occupationUris: body.occupations,
      skillUris: body.skills,
    });
    return labelledProfile(this.taxonomy, profile, query.lang);
  }
}

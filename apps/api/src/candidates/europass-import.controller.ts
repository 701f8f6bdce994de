import { CandidateProfiles, EuropassImport } from '@app/candidates';
import type { Principal } from '@app/identity';
import { Body, Controller, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { ReaderLanguageQuery } from '../vacancies/reader-language.query';
import { candidateLabelLanguage } from './candidate-label-language';
import { EuropassDraftResponse, EuropassImportRequest } from './europass-import.dto';

@ApiTags('candidates')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid input; INVALID_EUROPASS_CV' })
@ApiNotFoundResponse({ type: ErrorBody, description: 'No candidate profile yet' })
@Roles('candidate')
@Controller('candidates/me/europass-import')
export class EuropassImportController {
  constructor(
    private readonly profiles: CandidateProfiles,
    private readonly europass: EuropassImport,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Start my profile from my Europass CV (Europass XML): a draft for me to review, nothing is stored',
    description:
      'Languages and complete education entries are taken as the CV states them; the format codes positions with ' +
      'ISCO-88, not ESCO, so ESCO occupations and skills are suggested from its headline, position titles, ' +
      'activities and skill texts, in the CV’s language (its `locale`). Apply what I keep with `PATCH ' +
      '/candidates/me` and `POST …/skill-suggestions/accept`. A file that is not a Europass CV answers ' +
      '400 `INVALID_EUROPASS_CV`.',
  })
  @ApiOkResponse({ type: EuropassDraftResponse })
  async importEuropass(
    @CurrentPrincipal() principal: Principal,
    @Body() body: EuropassImportRequest,
    @Query() query: ReaderLanguageQuery,
  ): Promise<EuropassDraftResponse> {
    const profile = await this.profiles.getByAccount(principal, principal.accountId);
    const readerLanguage = candidateLabelLanguage(query.lang ?? 'en', profile);
    return EuropassDraftResponse.from(await this.europass.draft(principal, body.xml, readerLanguage));
  }
}

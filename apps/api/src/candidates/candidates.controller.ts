import {
  CandidateLifecycle,
  CandidatePrivacy,
  CandidateProfiles,
  CandidateRegistration,
  type CandidateProfile,
  type PersonalDataExport,
} from '@app/candidates';
import type { CallContext, Principal } from '@app/identity';
import { TaxonomyLookup } from '@app/taxonomy';
import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { CallerContext, CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { labelledProfile } from './candidate-label-language';
import { ReaderLanguageQuery } from '../vacancies/reader-language.query';
import { EraseAccountRequest } from './requests/erase-account.request';
import { RegisterCandidateRequest } from './requests/register-candidate.request';
import { UpdateProfileRequest } from './requests/update-profile.request';
import { CandidateProfileResponse } from './responses/candidate-profile.response';

@ApiTags('candidates')
@ApiBearerAuth()
@Roles('candidate')
@Controller('candidates/me')
export class CandidatesController {
  constructor(
    private readonly registration: CandidateRegistration,
    private readonly profiles: CandidateProfiles,
    private readonly lifecycle: CandidateLifecycle,
    private readonly privacy: CandidatePrivacy,
    private readonly taxonomy: TaxonomyLookup,
  ) {}

  private labelled(profile: CandidateProfile, query: ReaderLanguageQuery): Promise<CandidateProfileResponse> {
    return labelledProfile(this.taxonomy, profile, query.lang);
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Register as a candidate (step 2 of 2)',
    description:
      'Step 1 is `POST /auth/register` (account and email verification). Signed in, the candidate then ' +
      'declares date of birth, residence and citizenships here. Eligibility: residence outside the EU-27, ' +
      'no EU-27 citizenship, at least the minimum age (`CANDIDATE_MIN_AGE`, 18 by default), and a residence ' +
      'and citizenships whose partner-country status allows candidates. A refusal answers 422 with its own ' +
      'code (`RESIDENCE_IN_EU`, `EU_CITIZENSHIP`, `BELOW_MINIMUM_AGE`, `RESIDENCE_COUNTRY_NOT_ELIGIBLE`, ' +
      '`CITIZENSHIP_COUNTRY_NOT_ELIGIBLE`); `details` lists every reason. The profile starts as a draft.',
  })
  @ApiCreatedResponse({ type: CandidateProfileResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid input, unknown country or phone number' })
  @ApiConflictResponse({ type: ErrorBody, description: 'This account already has a candidate profile' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'Not eligible; the code says why' })
  async register(
    @CurrentPrincipal() principal: Principal,
    @Body() body: RegisterCandidateRequest,
    @Query() query: ReaderLanguageQuery,
    @CallerContext() context: CallContext,
  ): Promise<CandidateProfileResponse> {
    return this.labelled(await this.registration.register(principal, body, context), query);
  }

  @Get()
  @ApiOperation({ summary: 'My candidate profile, with its completeness and visibility' })
  @ApiOkResponse({ type: CandidateProfileResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No candidate profile yet' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReaderLanguageQuery,
  ): Promise<CandidateProfileResponse> {
    return this.labelled(await this.profiles.getByAccount(principal, principal.accountId), query);
  }

  @Patch()
  @ApiOperation({
    summary: 'Edit my profile',
    description:
      'Each section sent replaces that section; others stay. Occupations and skills are ESCO URIs and ' +
      'unknown ones are refused (`UNKNOWN_ESCO_CONCEPT`); languages are ISO 639-1 with a CEFR level; ' +
      'preferred Member States must participate. Changing residence or citizenships re-checks eligibility.',
  })
  @ApiOkResponse({ type: CandidateProfileResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid input or unknown ESCO/reference values' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No candidate profile yet' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'An active profile would lose its last occupation, skill or language; or no longer eligible',
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateProfileRequest,
    @Query() query: ReaderLanguageQuery,
  ): Promise<CandidateProfileResponse> {
    return this.labelled(await this.profiles.update(principal, body), query);
  }

  @Post('activate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Activate my draft profile',
    description:
      'Needs at least one occupation, one skill and one language. The profile is then visible to ' +
      'employers (pseudonymised, while available) for `CANDIDATE_PROFILE_VALIDITY_MONTHS`.',
  })
  @ApiOkResponse({ type: CandidateProfileResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'The profile is not a draft' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No candidate profile yet' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'Required items are missing' })
  async activate(
    @CurrentPrincipal() principal: Principal,
    @CallerContext() context: CallContext,
    @Query() query: ReaderLanguageQuery,
  ): Promise<CandidateProfileResponse> {
    return this.labelled(await this.lifecycle.activate(principal, context), query);
  }

  @Post('renew')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Renew my active or expired profile for a new validity period' })
  @ApiOkResponse({ type: CandidateProfileResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'A draft is activated, not renewed' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No candidate profile yet' })
  async renew(
    @CurrentPrincipal() principal: Principal,
    @CallerContext() context: CallContext,
    @Query() query: ReaderLanguageQuery,
  ): Promise<CandidateProfileResponse> {
    return this.labelled(await this.lifecycle.renew(principal, context), query);
  }

  @Get('export')
  @ApiOperation({
    summary: 'Export all my data (JSON)',
    description:
      'Account, profile, audit entries about me, matches and contact requests. The export is audited.',
  })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  async export(
    @CurrentPrincipal() principal: Principal,
    @CallerContext() context: CallContext,
  ): Promise<PersonalDataExport> {
    return this.privacy.export(principal, context);
  }

  @Post('erase')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Erase my account and profile',
    description:
      'Immediate and irreversible: the profile leaves search before the answer, account and profile rows ' +
      'are deleted, and audit entries that name me are anonymised.',
  })
  @ApiNoContentResponse({ description: 'Erased' })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Missing confirmation' })
  async erase(
    @CurrentPrincipal() principal: Principal,
    @Body() _body: EraseAccountRequest,
    @CallerContext() context: CallContext,
  ): Promise<void> {
    await this.privacy.erase(principal, context);
  }
}

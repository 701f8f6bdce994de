import { mapPage, pageOf, type Page } from '@app/common';
import type { CallContext, Principal } from '@app/identity';
import { Vacancies, VacancyPublication, VacancyVersions } from '@app/vacancies';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { CallerContext, CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { PageQuery, PageResponse } from '../openapi/pagination';
import { VacancyRequest } from './vacancy.request';
import { VacancyResponse, VacancyVersionResponse } from './vacancy.response';

@ApiTags('vacancies')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('vacancies')
export class VacanciesController {
  constructor(
    private readonly vacancies: Vacancies,
    private readonly publication: VacancyPublication,
    private readonly versions: VacancyVersions,
  ) {}

  @Roles('employer')
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Create a draft vacancy of the caller’s organisation' })
  @ApiCreatedResponse({ type: VacancyResponse })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: VacancyRequest,
  ): Promise<VacancyResponse> {
    return VacancyResponse.from(await this.vacancies.createDraft(principal, body));
  }

  @Roles('employer')
  @Get()
  @ApiOperation({ summary: 'The vacancies of the caller’s organisation, newest first' })
  @ApiOkResponse({ type: PageResponse(VacancyResponse) })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<Page<VacancyResponse>> {
    const vacancies = await this.vacancies.listOwn(principal);
    return pageOf(
      vacancies.map((vacancy) => VacancyResponse.from(vacancy)),
      query,
    );
  }

  @Roles('employer', 'ncp', 'admin')
  @Get(':id')
  @ApiOkResponse({ type: VacancyResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<VacancyResponse> {
    return VacancyResponse.from(await this.vacancies.getFor(principal, id));
  }

  @Roles('employer')
  @Put(':id')
  @ApiOperation({
    summary:
      'Replace a draft, or edit a published vacancy. A published vacancy changed in its occupation, place of work, ' +
      'skills, languages, minimums, start date or competitiveness basis must pass the publication rule again ' +
      '(as on the day of the edit); every edit of a published vacancy is kept as a new version, audited, ' +
      're-indexed and re-matched',
  })
  @ApiOkResponse({ type: VacancyResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'VACANCY_NOT_EDITABLE: closed or expired' })
  @ApiForbiddenResponse({
    type: ErrorBody,
    description: 'EMPLOYER_NOT_VERIFIED (a published vacancy’s substantive edit)',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description:
      'OCCUPATION_NOT_IN_SHORTAGE, MEMBER_STATE_NOT_PARTICIPATING (a published vacancy’s substantive edit)',
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: VacancyRequest,
    @CallerContext() context: CallContext,
  ): Promise<VacancyResponse> {
    return VacancyResponse.from(await this.publication.edit(principal, id, body, context));
  }

  @Roles('employer', 'ncp', 'admin')
  @Get(':id/versions')
  @ApiOperation({
    summary: 'The versions of a published vacancy, newest first: version 1 as published, then each edit',
  })
  @ApiOkResponse({ type: PageResponse(VacancyVersionResponse) })
  @ApiNotFoundResponse({ type: ErrorBody })
  async listVersions(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<VacancyVersionResponse>> {
    await this.vacancies.getFor(principal, id);
    return mapPage(await this.versions.list(id, query), (version) => VacancyVersionResponse.from(version));
  }

  @Roles('employer')
  @Post(':id/publish')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Publish a draft: needs a verified employer, a participating state and an occupation in shortage there today ' +
      '(or the EU-competitiveness flag with a justification)',
  })
  @ApiOkResponse({ type: VacancyResponse })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'EMPLOYER_NOT_VERIFIED' })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_VACANCY_TRANSITION: not a draft' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'OCCUPATION_NOT_IN_SHORTAGE, MEMBER_STATE_NOT_PARTICIPATING',
  })
  async publish(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @CallerContext() context: CallContext,
  ): Promise<VacancyResponse> {
    return VacancyResponse.from(await this.publication.publish(principal, id, context));
  }

  @Roles('employer')
  @Post(':id/close')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: VacancyResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_VACANCY_TRANSITION: already closed' })
  async close(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @CallerContext() context: CallContext,
  ): Promise<VacancyResponse> {
    return VacancyResponse.from(await this.publication.close(principal, id, context));
  }
}

import { pageOf, type Page } from '@app/common';
import type { CallContext, Principal } from '@app/identity';
import { Vacancies, VacancyPublication } from '@app/vacancies';
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
import { VacancyResponse } from './vacancy.response';

@ApiTags('vacancies')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('vacancies')
export class VacanciesController {
  constructor(
    private readonly vacancies: Vacancies,
    private readonly publication: VacancyPublication,
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
  @ApiOperation({ summary: 'Replace a draft' })
  @ApiOkResponse({ type: VacancyResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'VACANCY_NOT_EDITABLE' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: VacancyRequest,
  ): Promise<VacancyResponse> {
    return VacancyResponse.from(await this.vacancies.updateDraft(principal, id, body));
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

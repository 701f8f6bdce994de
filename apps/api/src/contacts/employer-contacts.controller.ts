import { ContactRequests, Conversations, EmployerPipeline, labelLanguage } from '@app/contacts';
import { pageOf, type Page } from '@app/common';
import type { CallContext, Principal } from '@app/identity';
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
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { CallerContext, CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { PageQuery, PageResponse } from '../openapi/pagination';
import { ReferenceCodePipe } from '../validation/reference-code.pipe';
import {
  ContactRequestRequest,
  LanguageOption,
  MessageRequest,
  PipelineQuery,
  StageRequest,
} from './contacts.requests';
import { OrganisationContactResponse, MessageResponse } from './contacts.responses';

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds until the limit resets (UTC midnight)',
    schema: { type: 'integer' },
  },
};

@ApiTags('contacts (employer)')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorBody, description: 'VACANCY_NOT_FOUND, CONTACT_NOT_FOUND' })
@ApiForbiddenResponse({ type: ErrorBody, description: 'NOT_OWNER, EMPLOYER_NOT_VERIFIED' })
@Controller('vacancies/:id')
export class EmployerContactsController {
  constructor(
    private readonly requests: ContactRequests,
    private readonly pipeline: EmployerPipeline,
    private readonly conversations: Conversations,
  ) {}

  @Roles('employer')
  @Post('contact-requests')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Verified employers: ask a candidate (by reference code) to consider one of the organisation’s open vacancies, ' +
      'with a message; the candidate is told by mail and sees the organisation’s verified identity',
  })
  @ApiCreatedResponse({ type: OrganisationContactResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'CONTACT_EXISTS, CONTACT_COOLDOWN (details: until)' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'VACANCY_NOT_OPEN' })
  @ApiForbiddenResponse({
    type: ErrorBody,
    description: 'CONTACTING_SUSPENDED, NOT_OWNER, EMPLOYER_NOT_VERIFIED',
  })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'CONTACT_LIMIT_REACHED', headers: RETRY_AFTER })
  request(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ContactRequestRequest,
    @CallerContext() context: CallContext,
  ): Promise<OrganisationContactResponse> {
    return this.requests.request(
      principal,
      id,
      { referenceCode: body.referenceCode, message: body.message, language: body.lang },
      context,
    );
  }

  @Roles('employer')
  @Get('pipeline')
  @ApiOperation({
    summary:
      'Verified employers: the vacancy’s applications and requests with stage, pseudonymised profile and a match ' +
      'explanation (scored on the spot when the pair is not among the stored matches); identity only where the ' +
      'candidate consented for this vacancy. Audited.',
  })
  @ApiOkResponse({ type: PageResponse(OrganisationContactResponse) })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PipelineQuery,
    @CallerContext() context: CallContext,
  ): Promise<Page<OrganisationContactResponse>> {
    return this.pipeline.list(principal, id, labelLanguage(query.lang ?? 'en'), query, context);
  }

  @Roles('employer')
  @Get('pipeline/:referenceCode')
  @ApiOperation({
    summary: 'Verified employers: one candidate of the vacancy’s pipeline (same rules). Audited.',
  })
  @ApiOkResponse({ type: OrganisationContactResponse })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('referenceCode', ReferenceCodePipe) referenceCode: string,
    @Query() query: LanguageOption,
    @CallerContext() context: CallContext,
  ): Promise<OrganisationContactResponse> {
    return this.pipeline.get(principal, id, referenceCode, labelLanguage(query.lang ?? 'en'), context);
  }

  @Roles('employer')
  @Put('pipeline/:referenceCode/stage')
  @ApiOperation({
    summary:
      'Verified employers: move a consenting candidate to interviewing, offered, hired or not_selected; the candidate ' +
      'sees it in their own words and is told by mail; a hire counts as a placement',
  })
  @ApiOkResponse({ type: OrganisationContactResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STAGE_TRANSITION' })
  setStage(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('referenceCode', ReferenceCodePipe) referenceCode: string,
    @Body() body: StageRequest,
    @CallerContext() context: CallContext,
  ): Promise<OrganisationContactResponse> {
    return this.pipeline.setStage(
      principal,
      id,
      referenceCode,
      body.stage,
      labelLanguage(body.lang ?? 'en'),
      context,
    );
  }

  @Roles('employer')
  @Get('pipeline/:referenceCode/messages')
  @ApiOperation({ summary: 'Verified employers: the thread with a consenting candidate about this vacancy' })
  @ApiOkResponse({ type: PageResponse(MessageResponse) })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'CONVERSATION_CLOSED' })
  async messages(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('referenceCode', ReferenceCodePipe) referenceCode: string,
    @Query() query: PageQuery,
  ): Promise<Page<MessageResponse>> {
    return pageOf(await this.conversations.employerThread(principal, id, referenceCode), query);
  }

  @Roles('employer')
  @Post('pipeline/:referenceCode/messages')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Verified employers: write to a consenting candidate; counts toward the daily limit',
  })
  @ApiCreatedResponse({ type: MessageResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'CONVERSATION_CLOSED' })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'CONTACT_LIMIT_REACHED', headers: RETRY_AFTER })
  send(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('referenceCode', ReferenceCodePipe) referenceCode: string,
    @Body() body: MessageRequest,
    @CallerContext() context: CallContext,
  ): Promise<MessageResponse> {
    return this.conversations.employerSend(principal, id, referenceCode, body.body, context);
  }
}

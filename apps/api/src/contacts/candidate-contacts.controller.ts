import { Applications, CandidateContacts, ContactRequests, Conversations } from '@app/contacts';
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
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
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
import {
  ApplicationRequest,
  CandidateContactsQuery,
  ConsentConfirmation,
  LanguageOption,
  MessageRequest,
  ShareOptions,
} from './contacts.requests';
import {
  CandidateContactResponse,
  ConsentReceiptResponse,
  ConsentTermsResponse,
  MessageResponse,
} from './contacts.responses';

const CONSENT_NOTE =
  'Confirming is consent to disclose your name, email and phone (and, if you choose, qualifications and work ' +
  'history) to that organisation, for that vacancy only; you can withdraw it at any time.';

@ApiTags('contacts (candidate)')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorBody, description: 'CANDIDATE_NOT_FOUND, CONTACT_NOT_FOUND' })
@Controller('candidates/me')
export class CandidateContactsController {
  constructor(
    private readonly applications: Applications,
    private readonly requests: ContactRequests,
    private readonly contacts: CandidateContacts,
    private readonly conversations: Conversations,
  ) {}

  @Roles('candidate')
  @Get('applications/terms/:vacancyId')
  @ApiOperation({
    summary: `Candidates: what applying to this vacancy would disclose, to whom, before confirming. ${CONSENT_NOTE}`,
  })
  @ApiOkResponse({ type: ConsentTermsResponse })
  terms(
    @CurrentPrincipal() principal: Principal,
    @Param('vacancyId', new ParseUUIDPipe()) vacancyId: string,
    @Query() query: ShareOptions,
  ): Promise<ConsentTermsResponse> {
    return this.applications.terms(principal, vacancyId, query.lang ?? 'en', query);
  }

  @Roles('candidate')
  @Post('applications')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: `Candidates (active profile): apply to an open vacancy, with an optional message. ${CONSENT_NOTE}`,
  })
  @ApiCreatedResponse({ type: CandidateContactResponse })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'CONTACT_EXISTS, CONSENT_TEXT_OUTDATED (details carry the text)',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'VACANCY_NOT_OPEN, CANDIDATE_NOT_ACTIVE' })
  apply(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ApplicationRequest,
    @CallerContext() context: CallContext,
  ): Promise<CandidateContactResponse> {
    return this.applications.apply(principal, { ...body, language: body.lang }, context);
  }

  @Roles('candidate')
  @Get('contacts')
  @ApiOperation({
    summary:
      'Candidates: my applications and the contact requests I received (with each employer’s verified identity ' +
      'and the vacancy); ?consent=pending lists the requests awaiting an answer',
  })
  @ApiOkResponse({ type: PageResponse(CandidateContactResponse) })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: CandidateContactsQuery,
  ): Promise<Page<CandidateContactResponse>> {
    return this.contacts.list(principal, query.lang ?? 'en', {
      consent: query.consent,
      limit: query.limit,
      offset: query.offset,
    });
  }

  @Roles('candidate')
  @Get('contacts/:contactId')
  @ApiOperation({ summary: 'Candidates: one of my applications or requests' })
  @ApiOkResponse({ type: CandidateContactResponse })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @Query() query: LanguageOption,
  ): Promise<CandidateContactResponse> {
    return this.contacts.get(principal, contactId, query.lang ?? 'en');
  }

  @Roles('candidate')
  @Post('contacts/:contactId/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: `Candidates: accept a pending contact request. ${CONSENT_NOTE}` })
  @ApiOkResponse({ type: CandidateContactResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_CONSENT_TRANSITION, CONSENT_TEXT_OUTDATED' })
  accept(
    @CurrentPrincipal() principal: Principal,
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @Body() body: ConsentConfirmation,
    @CallerContext() context: CallContext,
  ): Promise<CandidateContactResponse> {
    return this.requests.accept(principal, contactId, { ...body, language: body.lang }, context);
  }

  @Roles('candidate')
  @Post('contacts/:contactId/decline')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Candidates: decline a pending request; the organisation cannot ask again for this vacancy for a while',
  })
  @ApiOkResponse({ type: CandidateContactResponse })
  decline(
    @CurrentPrincipal() principal: Principal,
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @CallerContext() context: CallContext,
  ): Promise<CandidateContactResponse> {
    return this.requests.decline(principal, contactId, context);
  }

  @Roles('candidate')
  @Post('contacts/:contactId/withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Candidates: withdraw a given consent; the organisation no longer sees my identity (a receipt is kept)',
  })
  @ApiOkResponse({ type: CandidateContactResponse })
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @CallerContext() context: CallContext,
  ): Promise<CandidateContactResponse> {
    return this.requests.withdraw(principal, contactId, context);
  }

  @Roles('candidate')
  @Get('contacts/:contactId/messages')
  @ApiOperation({ summary: 'Candidates: the message thread with the organisation about this vacancy' })
  @ApiOkResponse({ type: PageResponse(MessageResponse) })
  async messages(
    @CurrentPrincipal() principal: Principal,
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @Query() query: PageQuery,
  ): Promise<Page<MessageResponse>> {
    return pageOf(await this.conversations.candidateThread(principal, contactId), query);
  }

  @Roles('candidate')
  @Post('contacts/:contactId/messages')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Candidates: write to the organisation (while my consent stands); it is told by mail',
  })
  @ApiCreatedResponse({ type: MessageResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'CONVERSATION_CLOSED' })
  send(
    @CurrentPrincipal() principal: Principal,
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @Body() body: MessageRequest,
    @CallerContext() context: CallContext,
  ): Promise<MessageResponse> {
    return this.conversations.candidateSend(principal, contactId, body.body, context);
  }

  @Roles('candidate')
  @Get('consent-receipts')
  @ApiOperation({
    summary:
      'Candidates: the receipt of every consent and withdrawal (organisation, vacancy, fields, time, text version)',
  })
  @ApiOkResponse({ type: PageResponse(ConsentReceiptResponse) })
  async receipts(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<Page<ConsentReceiptResponse>> {
    return pageOf(await this.contacts.receiptsOf(principal), query);
  }
}

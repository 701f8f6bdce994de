import { mapPage, type Page } from '@app/common';
import { OrganisationColleagues } from '@app/employers';
import type { CallContext, Principal } from '@app/identity';
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
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { CallerContext, CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { PageQuery, PageResponse } from '../openapi/pagination';
import { ChangeColleagueRoleRequest, ColleagueResponse, InviteColleagueRequest } from './colleagues.dto';

const ADMIN_ONLY = 'NOT_ORGANISATION_ADMIN: only an administrator of the organisation manages colleagues';

/** The users of the caller's own employer organisation. */
@ApiTags('employers')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorBody })
@Roles('employer')
@Controller('employers/me/colleagues')
export class ColleaguesController {
  constructor(private readonly colleagues: OrganisationColleagues) {}

  @Get()
  @ApiOperation({ summary: 'Every user of the caller’s organisation, with their role' })
  @ApiOkResponse({ type: PageResponse(ColleagueResponse) })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<Page<ColleagueResponse>> {
    return mapPage(await this.colleagues.list(principal, query), (view) => ColleagueResponse.from(view));
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Organisation administrators: invite a colleague, who chooses a password through the mailed link. Audited.',
  })
  @ApiCreatedResponse({ type: ColleagueResponse })
  @ApiForbiddenResponse({ type: ErrorBody, description: ADMIN_ONLY })
  @ApiConflictResponse({ type: ErrorBody, description: 'EMAIL_TAKEN' })
  async invite(
    @CurrentPrincipal() principal: Principal,
    @Body() body: InviteColleagueRequest,
    @CallerContext() context: CallContext,
  ): Promise<ColleagueResponse> {
    return ColleagueResponse.from(await this.colleagues.invite(principal, body, context));
  }

  @Put(':accountId/role')
  @ApiOperation({ summary: 'Organisation administrators: change a colleague’s role. Audited.' })
  @ApiOkResponse({ type: ColleagueResponse })
  @ApiForbiddenResponse({ type: ErrorBody, description: ADMIN_ONLY })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'COLLEAGUE_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorBody, description: 'LAST_ORGANISATION_ADMIN' })
  async changeRole(
    @CurrentPrincipal() principal: Principal,
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Body() body: ChangeColleagueRoleRequest,
    @CallerContext() context: CallContext,
  ): Promise<ColleagueResponse> {
    return ColleagueResponse.from(await this.colleagues.changeRole(principal, accountId, body.role, context));
  }

  @Delete(':accountId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      'Organisation administrators: remove a colleague. Their account is disabled and its sessions end at once. Audited.',
  })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorBody, description: ADMIN_ONLY })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'COLLEAGUE_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorBody, description: 'LAST_ORGANISATION_ADMIN' })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @CallerContext() context: CallContext,
  ): Promise<void> {
    await this.colleagues.remove(principal, accountId, context);
  }
}

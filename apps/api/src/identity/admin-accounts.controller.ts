import { AccountProvisioning, type CallContext, type Principal } from '@app/identity';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { CallerContext, CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { InviteNcpRequest } from './requests/invite-ncp.request';
import { AccountResponse, toAccountResponse } from './responses/account.response';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/accounts')
export class AdminAccountsController {
  constructor(private readonly provisioning: AccountProvisioning) {}

  @Post('ncp')
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({
    type: AccountResponse,
    description: 'NCP account created; its user sets a password through the emailed invitation',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'The email address is already used' })
  async inviteNcp(
    @CurrentPrincipal() admin: Principal,
    @Body() body: InviteNcpRequest,
    @CallerContext() context: CallContext,
  ): Promise<AccountResponse> {
    return toAccountResponse(await this.provisioning.inviteNcp(admin, body, context));
  }
}

import { Accounts, type Principal } from '@app/identity';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ROLES, Roles } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { AccountResponse, toAccountResponse } from './responses/account.response';

@ApiTags('auth')
@ApiBearerAuth()
@Roles(...ROLES)
@Controller('me')
export class MeController {
  constructor(private readonly accounts: Accounts) {}

  @Get()
  @ApiOkResponse({ type: AccountResponse, description: 'The signed-in account' })
  async me(@CurrentPrincipal() principal: Principal): Promise<AccountResponse> {
    return toAccountResponse(await this.accounts.getById(principal, principal.accountId));
  }
}

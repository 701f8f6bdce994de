import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { toAccountView, type AccountView } from '../accounts/account.view';
import { assertOwnAccount } from '../ownership';
import type { Principal } from '../principal';
import { ResourceNotFoundError } from '@app/common';

@Injectable()
export class Accounts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** An account as its owner (or an administrator) may see it. */
  async getById(principal: Principal, accountId: string): Promise<AccountView> {
    assertOwnAccount(principal, accountId);
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: accountId });
    if (!account) throw new ResourceNotFoundError('Account', accountId);
    return toAccountView(account);
  }
}

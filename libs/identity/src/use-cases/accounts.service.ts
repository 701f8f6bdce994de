import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
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

  /** Email addresses by account id, for services that mail their users from a transaction. */
  async emailsOf(manager: EntityManager, accountIds: readonly string[]): Promise<Map<string, string>> {
    if (accountIds.length === 0) return new Map();
    const rows: { id: string; email: string }[] = await manager.query(
      'SELECT id, email FROM accounts WHERE id = ANY($1::uuid[])',
      [[...accountIds]],
    );
    return new Map(rows.map((row) => [row.id, row.email]));
  }

  /** The enabled national contact point accounts of a Member State. */
  async idsOfNcps(memberState: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM accounts WHERE role = 'ncp' AND member_state = $1 AND disabled_at IS NULL ORDER BY created_at`,
      [memberState],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Deletes the account with its sessions and tokens (and, by cascade, the rows of other features
   * that belong to it), in the caller's transaction. Returns the erased address, null if none.
   */
  async erase(manager: EntityManager, accountId: string): Promise<string | null> {
    // DELETE … RETURNING answers [rows, affected count] through TypeORM.
    const [rows]: [{ email: string }[], number] = await manager.query(
      'DELETE FROM accounts WHERE id = $1 RETURNING email',
      [accountId],
    );
    return rows[0]?.email ?? null;
  }
}

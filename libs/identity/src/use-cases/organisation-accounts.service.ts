import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { toAccountView, type AccountView } from '../accounts/account.view';
import { Sessions } from '../sessions/sessions.service';

/**
 * The accounts of one employer organisation, for the employers feature that decides who may change
 * them. A removed user's account is disabled and every session of it ended in the same
 * transaction, so the next request with a still-unexpired access token is refused.
 */
@Injectable()
export class OrganisationAccounts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: Sessions,
  ) {}

  /** The enabled accounts of the organisation, oldest first. */
  async list(
    organisationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AccountView[]> {
    const rows = await manager.find(AccountEntity, {
      where: { employerOrganisationId: organisationId, role: 'employer', disabledAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toAccountView);
  }

  /**
   * The enabled accounts of the organisation, locked until the transaction ends: two administrators
   * demoting or removing each other at once cannot leave the organisation without one.
   */
  async lock(manager: EntityManager, organisationId: string): Promise<AccountView[]> {
    const rows = await manager
      .createQueryBuilder(AccountEntity, 'a')
      .setLock('pessimistic_write')
      .where('a.employer_organisation_id = :organisationId', { organisationId })
      .andWhere("a.role = 'employer' AND a.disabled_at IS NULL")
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    return rows.map(toAccountView);
  }

  async setOrganisationAdmin(
    manager: EntityManager,
    accountId: string,
    isOrganisationAdmin: boolean,
  ): Promise<void> {
    await manager.update(AccountEntity, { id: accountId }, { isOrganisationAdmin });
  }

  /** Disables the account and ends its sessions; its history (audit, messages) keeps its id. */
  async remove(manager: EntityManager, accountId: string): Promise<void> {
    await manager.update(
      AccountEntity,
      { id: accountId },
      { disabledAt: new Date(), isOrganisationAdmin: false },
    );
    await this.sessions.revokeAll(manager, accountId, 'removed_from_organisation');
  }
}

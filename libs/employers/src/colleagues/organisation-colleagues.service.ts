import { AuditService } from '@app/audit';
import type { Page, PageRequest } from '@app/common';
import { pageOf } from '@app/common';
import {
  AccountProvisioning,
  actorOf,
  OrganisationAccounts,
  type AccountView,
  type CallContext,
  type Principal,
} from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ColleagueNotFoundError,
  EmployerNotVerifiedError,
  LastOrganisationAdminError,
  NotOrganisationAdminError,
} from '../employers.errors';
import { colleagueRoleOf, isAdminRole, type ColleagueRole } from './colleague-role';

export interface ColleagueView {
  accountId: string;
  email: string;
  role: ColleagueRole;
  /** False until the colleague has chosen a password through the invitation. */
  invitationAccepted: boolean;
  since: Date;
}

/**
 * The users of an employer organisation. Every user of it sees the list; only its administrators
 * invite, change roles and remove, and the organisation always keeps one administrator.
 */
@Injectable()
export class OrganisationColleagues {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: OrganisationAccounts,
    private readonly provisioning: AccountProvisioning,
    private readonly audit: AuditService,
  ) {}

  /** Every user of the organisation, for features that address all of them (notifications, mail). */
  async accountsOf(organisationId: string): Promise<ColleagueView[]> {
    return (await this.accounts.list(organisationId)).map(toColleagueView);
  }

  async list(principal: Principal, page: PageRequest): Promise<Page<ColleagueView>> {
    const organisationId = organisationOf(principal);
    return pageOf((await this.accounts.list(organisationId)).map(toColleagueView), page);
  }

  async invite(
    principal: Principal,
    input: { email: string; role: ColleagueRole },
    context: CallContext,
  ): Promise<ColleagueView> {
    const organisationId = adminOrganisationOf(principal);
    return this.dataSource.transaction(async (manager) => {
      const account = await this.provisioning.inviteEmployerUser(
        manager,
        { email: input.email, organisationId, isOrganisationAdmin: isAdminRole(input.role) },
        actorOf(principal),
        context,
      );
      await this.record(manager, principal, context, 'employer.colleague_invited', account.id, {
        role: input.role,
      });
      return toColleagueView(account);
    });
  }

  async changeRole(
    principal: Principal,
    accountId: string,
    role: ColleagueRole,
    context: CallContext,
  ): Promise<ColleagueView> {
    const organisationId = adminOrganisationOf(principal);
    return this.dataSource.transaction(async (manager) => {
      const members = await this.accounts.lock(manager, organisationId);
      const member = colleagueIn(members, accountId);
      const from = colleagueRoleOf(member.isOrganisationAdmin);
      if (from === role) return toColleagueView(member);
      if (!isAdminRole(role)) assertAnotherAdmin(members, accountId);
      await this.accounts.setOrganisationAdmin(manager, accountId, isAdminRole(role));
      await this.record(manager, principal, context, 'employer.colleague_role_changed', accountId, {
        from,
        to: role,
      });
      return { ...toColleagueView(member), role };
    });
  }

  async remove(principal: Principal, accountId: string, context: CallContext): Promise<void> {
    const organisationId = adminOrganisationOf(principal);
    await this.dataSource.transaction(async (manager) => {
      const members = await this.accounts.lock(manager, organisationId);
      const member = colleagueIn(members, accountId);
      if (member.isOrganisationAdmin) assertAnotherAdmin(members, accountId);
      await this.accounts.remove(manager, accountId);
      await this.record(manager, principal, context, 'employer.colleague_removed', accountId, {
        role: colleagueRoleOf(member.isOrganisationAdmin),
      });
    });
  }

  private record(
    manager: EntityManager,
    principal: Principal,
    context: CallContext,
    action: string,
    accountId: string,
    details: Record<string, string>,
  ): Promise<void> {
    return this.audit.record(manager, {
      actor: actorOf(principal),
      action,
      target: { type: 'account', id: accountId },
      requestId: context.requestId,
      details: { organisationId: principal.organisationId, ...details },
    });
  }
}

function organisationOf(principal: Principal): string {
  if (principal.role !== 'employer' || principal.organisationId === null)
    throw new EmployerNotVerifiedError();
  return principal.organisationId;
}

function adminOrganisationOf(principal: Principal): string {
  const organisationId = organisationOf(principal);
  if (!principal.isOrganisationAdmin) throw new NotOrganisationAdminError();
  return organisationId;
}

function colleagueIn(members: readonly AccountView[], accountId: string): AccountView {
  const member = members.find((candidate) => candidate.id === accountId);
  if (!member) throw new ColleagueNotFoundError(accountId);
  return member;
}

function assertAnotherAdmin(members: readonly AccountView[], accountId: string): void {
  if (!members.some((member) => member.isOrganisationAdmin && member.id !== accountId))
    throw new LastOrganisationAdminError();
}

function toColleagueView(account: AccountView): ColleagueView {
  return {
    accountId: account.id,
    email: account.email,
    role: colleagueRoleOf(account.isOrganisationAdmin),
    invitationAccepted: account.emailVerified,
    since: account.createdAt,
  };
}

import { lockWithinTransaction } from '@app/database';
import { AuditService, type AuditActor } from '@app/audit';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { MailOutbox } from '@app/mail';
import { isEuMemberState } from '@app/reference-data';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { toAccountView, type AccountView } from '../accounts/account.view';
import { normaliseEmail } from '../accounts/email';
import { EmailTakenError, InvalidMemberStateError, WeakPasswordError } from '../identity.errors';
import { invitationMail } from '../identity-mails';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { AuthRateLimits } from '../rate-limits/auth-rate-limits.service';
import { passwordProblems } from '../passwords/password-policy';
import { actorOf, type CallContext, type Principal } from '../principal';
import { AccountTokens } from '../tokens/account-tokens.service';
import { actionLink } from './links';

/** A user of an organisation kept by the employers feature. */
export interface NewEmployerUser {
  email: string;
  organisationId: string;
  isOrganisationAdmin: boolean;
}

/**
 * Accounts that are not self-registered. Invited users (NCP, employer) get no password from anyone:
 * they choose it through the emailed link, which also proves their address.
 */
@Injectable()
export class AccountProvisioning {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccountTokens,
    private readonly mail: MailOutbox,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rateLimits: AuthRateLimits,
  ) {}

  /** Administrator bootstrap (CLI): the operator supplies the password. */
  async createAdmin(input: { email: string; password: string }, actor: AuditActor): Promise<AccountView> {
    const email = normaliseEmail(input.email);
    const problems = passwordProblems(input.password, email);
    if (problems.length > 0) throw new WeakPasswordError(problems);
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      await this.assertEmailFree(manager, email);
      const account = manager.create(AccountEntity, {
        id: randomUUID(),
        email,
        passwordHash,
        role: 'admin',
        emailVerifiedAt: new Date(),
      });
      await manager.insert(AccountEntity, account);
      await this.audit.record(manager, {
        actor,
        action: 'account.admin_created',
        target: { type: 'account', id: account.id },
      });
      return toAccountView(await manager.findOneByOrFail(AccountEntity, { id: account.id }));
    });
  }

  async inviteNcp(
    admin: Principal,
    input: { email: string; memberState: string },
    context: CallContext,
  ): Promise<AccountView> {
    const memberState = input.memberState.toUpperCase();
    if (!isEuMemberState(memberState)) throw new InvalidMemberStateError(input.memberState);
    return this.invite(admin, context, 'account.ncp_created', (manager) =>
      this.insertAccount(manager, { email: input.email, role: 'ncp', memberState }),
    );
  }

  /**
   * A user of an organisation, created in the transaction of the employers feature that creates
   * or keeps the organisation; the user sets a password through the emailed link.
   */
  async inviteEmployerUser(
    manager: EntityManager,
    input: NewEmployerUser,
    actor: AuditActor,
    context: CallContext,
  ): Promise<AccountView> {
    return this.inviteWithin(manager, actor, context, 'account.employer_created', () =>
      this.insertAccount(manager, {
        email: input.email,
        role: 'employer',
        employerOrganisationId: input.organisationId,
        isOrganisationAdmin: input.isOrganisationAdmin,
      }),
    );
  }

  /** The first user of a self-registered organisation: rate-limited like every registration. */
  async inviteOrganisationAdmin(
    manager: EntityManager,
    input: { email: string; organisationId: string },
    actor: AuditActor,
    context: CallContext,
  ): Promise<AccountView> {
    await this.rateLimits.consumeRegistration(context.ip);
    return this.inviteEmployerUser(manager, { ...input, isOrganisationAdmin: true }, actor, context);
  }

  private async invite(
    admin: Principal,
    context: CallContext,
    action: string,
    create: (manager: EntityManager) => Promise<AccountEntity>,
  ): Promise<AccountView> {
    return this.dataSource.transaction((manager) =>
      this.inviteWithin(manager, actorOf(admin), context, action, () => create(manager)),
    );
  }

  private async inviteWithin(
    manager: EntityManager,
    actor: AuditActor,
    context: CallContext,
    action: string,
    create: () => Promise<AccountEntity>,
  ): Promise<AccountView> {
    const account = await create();
    const token = await this.tokens.issue(
      manager,
      account.id,
      'invitation',
      this.config.auth.emailTokenTtlHours * 3600 * 1000,
    );
    const link = actionLink(this.config, 'reset-password', token);
    await this.mail.queue(manager, invitationMail(account.email, roleName(account), link));
    await this.audit.record(manager, {
      actor,
      action,
      target: { type: 'account', id: account.id },
      requestId: context.requestId,
      details: {
        role: account.role,
        memberState: account.memberState ?? null,
        organisationId: account.employerOrganisationId ?? null,
      },
    });
    return toAccountView(await manager.findOneByOrFail(AccountEntity, { id: account.id }));
  }

  private async insertAccount(
    manager: EntityManager,
    fields: Partial<AccountEntity>,
  ): Promise<AccountEntity> {
    const email = normaliseEmail(fields.email ?? '');
    // Two invitations of one address at once: the second waits, then finds the address taken.
    await lockWithinTransaction(manager, `account-email-${email}`);
    await this.assertEmailFree(manager, email);
    const account = manager.create(AccountEntity, { ...fields, id: randomUUID(), email, passwordHash: null });
    await manager.insert(AccountEntity, account);
    return account;
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    if (await manager.existsBy(AccountEntity, { email })) throw new EmailTakenError();
  }
}

function roleName(account: AccountEntity): string {
  switch (account.role) {
    case 'ncp':
      return `national contact point, ${account.memberState}`;
    case 'employer':
      return account.isOrganisationAdmin ? 'organisation administrator' : 'recruiter';
    case 'admin':
      return 'platform administrator';
    case 'candidate':
      return 'candidate';
  }
}

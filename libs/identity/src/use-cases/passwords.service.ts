import { AuditService } from '@app/audit';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { MailOutbox } from '@app/mail';
import { OutboxService } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { normaliseEmail } from '../accounts/email';
import {
  CurrentPasswordIncorrectError,
  InvalidOneTimeTokenError,
  WeakPasswordError,
} from '../identity.errors';
import { isMailLanguage, type MailLanguage, passwordResetMail } from '../identity-mails';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { passwordProblems } from '../passwords/password-policy';
import { actorOf, type CallContext, type Principal } from '../principal';
import { AuthRateLimits } from '../rate-limits/auth-rate-limits.service';
import { Sessions } from '../sessions/sessions.service';
import { AccountTokens } from '../tokens/account-tokens.service';
import { actionLink } from './links';

const RESET_PURPOSES = ['password_reset', 'invitation'] as const;

/** Password reset by mail, and password change by a signed-in user. */
@Injectable()
export class Passwords {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccountTokens,
    private readonly sessions: Sessions,
    private readonly mail: MailOutbox,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly rateLimits: AuthRateLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Always succeeds from the caller's point of view: only the mailbox owner learns the outcome. The
   * request itself does the same work whatever the address (a lookup and one queued job, queued for
   * unknown addresses too); the token, the mail and the audit entry are the worker's (`sendReset`),
   * so neither the answer nor its timing tells whether the address has an account.
   */
  /** `language`: the reader's (the page they asked on); the mail is written in it and links to that page. */
  async requestReset(input: { email: string; language?: MailLanguage }, context: CallContext): Promise<void> {
    const email = normaliseEmail(input.email);
    await this.rateLimits.consumePasswordReset(context.ip, email);
    await this.dataSource.transaction(async (manager) => {
      const [account]: { id: string }[] = await manager.query('SELECT id FROM accounts WHERE email = $1', [
        email,
      ]);
      await this.outbox.add(manager, 'identity.password-reset', {
        accountId: account?.id ?? null,
        requestId: context.requestId ?? null,
        ...(input.language ? { language: input.language } : {}),
      });
    });
  }

  /** The worker's half of a reset request: a new link by mail, unless there is no usable account. */
  async sendReset(request: {
    accountId: string | null;
    requestId: string | null;
    /** Absent from jobs queued before mails had languages. */
    language?: string | null;
  }): Promise<'sent' | 'no_account'> {
    const language = isMailLanguage(request.language) ? request.language : undefined;
    if (!request.accountId) return 'no_account';
    const accountId = request.accountId;
    return this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneBy(AccountEntity, { id: accountId });
      if (!account || account.disabledAt) return 'no_account';
      const token = await this.tokens.issue(
        manager,
        account.id,
        'password_reset',
        this.config.auth.passwordResetTtlMinutes * 60 * 1000,
      );
      await this.mail.queue(
        manager,
        passwordResetMail(account.email, actionLink(this.config, 'reset-password', token, language), language),
      );
      await this.audit.record(manager, {
        actor: { accountId: null, role: 'anonymous' },
        action: 'auth.password_reset_requested',
        target: { type: 'account', id: account.id },
        requestId: request.requestId ?? undefined,
      });
      return 'sent';
    });
  }

  /**
   * Sets the new password (by a reset link or an invitation), proves the mailbox (verifies the
   * email) and ends every session.
   */
  async confirmReset(input: { token: string; password: string }, context: CallContext): Promise<void> {
    const email = await this.dataSource.transaction(async (manager) => {
      const accountId = await this.tokens.holdLive(manager, input.token, RESET_PURPOSES);
      if (!accountId) throw new InvalidOneTimeTokenError();
      const account = await manager.findOneByOrFail(AccountEntity, { id: accountId });
      const problems = passwordProblems(input.password, account.email);
      if (problems.length > 0) throw new WeakPasswordError(problems);
      await this.tokens.consume(manager, input.token, RESET_PURPOSES);
      await manager.query(
        `UPDATE accounts SET password_hash = $2, password_changed_at = now(),
                email_verified_at = coalesce(email_verified_at, now()), updated_at = now()
          WHERE id = $1`,
        [account.id, await this.hasher.hash(input.password)],
      );
      await this.sessions.revokeAll(manager, account.id, 'password_reset');
      await this.audit.record(manager, {
        actor: { accountId: account.id, role: account.role },
        action: 'auth.password_reset_completed',
        target: { type: 'account', id: account.id },
        requestId: context.requestId,
        details: { sessionsRevoked: true },
      });
      return account.email;
    });
    // The reset proved the mailbox: this source's failed sign-ins are forgiven.
    await this.rateLimits.clearLoginFailures(context.ip, email);
  }

  /** Needs the current password; ends the account's other sessions but keeps the caller's. */
  async change(
    principal: Principal,
    input: { currentPassword: string; newPassword: string },
    context: CallContext,
  ): Promise<void> {
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOneByOrFail({ id: principal.accountId });
    await this.rateLimits.assertLoginAllowed(context.ip, account.email);
    if (!(await this.hasher.verify(account.passwordHash, input.currentPassword))) {
      await this.rateLimits.recordLoginFailure(context.ip, account.email);
      throw new CurrentPasswordIncorrectError();
    }
    const problems = passwordProblems(input.newPassword, account.email);
    if (problems.length > 0) throw new WeakPasswordError(problems);
    const passwordHash = await this.hasher.hash(input.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        'UPDATE accounts SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1',
        [account.id, passwordHash],
      );
      await this.sessions.revokeAll(manager, account.id, 'password_changed', principal.sessionId);
      await this.audit.record(manager, {
        actor: actorOf(principal),
        action: 'auth.password_changed',
        target: { type: 'account', id: account.id },
        requestId: context.requestId,
        details: { otherSessionsRevoked: true },
      });
    });
  }
}

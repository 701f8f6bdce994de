import { AuditService } from '@app/audit';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { MailOutbox } from '@app/mail';
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
import { passwordResetMail } from '../identity-mails';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { passwordProblems } from '../passwords/password-policy';
import { actorOf, type CallContext, type Principal } from '../principal';
import { AuthRateLimits } from '../rate-limits/auth-rate-limits.service';
import { Sessions } from '../sessions/sessions.service';
import { AccountTokens } from '../tokens/account-tokens.service';
import { hashSecretToken } from '../tokens/secret-token';
import { actionLink } from './links';

/** Password reset by mail, and password change by a signed-in user. */
@Injectable()
export class Passwords {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccountTokens,
    private readonly sessions: Sessions,
    private readonly mail: MailOutbox,
    private readonly audit: AuditService,
    private readonly rateLimits: AuthRateLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Always succeeds from the caller's point of view: only the mailbox owner learns the outcome. */
  async requestReset(input: { email: string }, context: CallContext): Promise<void> {
    const email = normaliseEmail(input.email);
    await this.rateLimits.consumePasswordReset(context.ip, email);
    await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneBy(AccountEntity, { email });
      if (!account || account.disabledAt) return;
      const token = await this.tokens.issue(
        manager,
        account.id,
        'password_reset',
        this.config.auth.passwordResetTtlMinutes * 60 * 1000,
      );
      await this.mail.queue(
        manager,
        passwordResetMail(email, actionLink(this.config, 'reset-password', token)),
      );
      await this.audit.record(manager, {
        actor: { accountId: null, role: 'anonymous' },
        action: 'auth.password_reset_requested',
        target: { type: 'account', id: account.id },
        requestId: context.requestId,
      });
    });
  }

  /** Sets the new password, proves the mailbox (verifies the email) and ends every session. */
  async confirmReset(input: { token: string; password: string }, context: CallContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows: { account_id: string }[] = await manager.query(
        `SELECT account_id FROM account_tokens
          WHERE token_hash = $1 AND purpose = 'password_reset' AND used_at IS NULL AND expires_at > now()
            FOR UPDATE`,
        [hashSecretToken(input.token)],
      );
      if (!rows[0]) throw new InvalidOneTimeTokenError();
      const account = await manager.findOneByOrFail(AccountEntity, { id: rows[0].account_id });
      const problems = passwordProblems(input.password, account.email);
      if (problems.length > 0) throw new WeakPasswordError(problems);
      await this.tokens.consume(manager, input.token, 'password_reset');
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
    });
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

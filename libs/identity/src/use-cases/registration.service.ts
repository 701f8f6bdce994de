import { AuditService } from '@app/audit';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { MailOutbox } from '@app/mail';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { normaliseEmail } from '../accounts/email';
import { InvalidOneTimeTokenError, WeakPasswordError } from '../identity.errors';
import { alreadyRegisteredMail, verificationMail } from '../identity-mails';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { passwordProblems } from '../passwords/password-policy';
import type { CallContext } from '../principal';
import { AuthRateLimits } from '../rate-limits/auth-rate-limits.service';
import { AccountTokens } from '../tokens/account-tokens.service';
import { actionLink } from './links';

/**
 * Candidate self-registration. The answer is the same whether or not the address is taken (the
 * owner of an existing account gets a mail instead), so registration cannot probe for accounts.
 */
@Injectable()
export class Registration {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccountTokens,
    private readonly mail: MailOutbox,
    private readonly audit: AuditService,
    private readonly rateLimits: AuthRateLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async registerCandidate(input: { email: string; password: string }, context: CallContext): Promise<void> {
    await this.rateLimits.consumeRegistration(context.ip);
    const email = normaliseEmail(input.email);
    const problems = passwordProblems(input.password, email);
    if (problems.length > 0) throw new WeakPasswordError(problems);
    const passwordHash = await this.hasher.hash(input.password);
    const created = await this.createCandidate(email, passwordHash, context);
    if (!created) await this.notifyExistingAccount(email, context);
  }

  async verifyEmail(token: string, context: CallContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const accountId = await this.tokens.consume(manager, token, 'email_verification');
      if (!accountId) throw new InvalidOneTimeTokenError();
      await manager.query(
        'UPDATE accounts SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1',
        [accountId],
      );
      const account = await manager.findOneByOrFail(AccountEntity, { id: accountId });
      await this.audit.record(manager, {
        actor: { accountId, role: account.role },
        action: 'account.email_verified',
        target: { type: 'account', id: accountId },
        requestId: context.requestId,
      });
    });
  }

  /** False when the address is taken (decided by the unique index, so concurrent calls agree). */
  private async createCandidate(email: string, passwordHash: string, context: CallContext): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO accounts (id, email, password_hash, role) VALUES ($1, $2, $3, 'candidate')
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [randomUUID(), email, passwordHash],
      );
      const id = inserted[0]?.id;
      if (!id) return false;
      const token = await this.tokens.issue(
        manager,
        id,
        'email_verification',
        this.config.auth.emailTokenTtlHours * 3600 * 1000,
      );
      await this.mail.queue(manager, verificationMail(email, actionLink(this.config, 'verify-email', token)));
      await this.audit.record(manager, {
        actor: { accountId: id, role: 'candidate' },
        action: 'account.registered',
        target: { type: 'account', id },
        requestId: context.requestId,
      });
      return true;
    });
  }

  private async notifyExistingAccount(email: string, context: CallContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneByOrFail(AccountEntity, { email });
      const token = await this.tokens.issue(
        manager,
        account.id,
        'password_reset',
        this.config.auth.passwordResetTtlMinutes * 60 * 1000,
      );
      await this.mail.queue(
        manager,
        alreadyRegisteredMail(email, actionLink(this.config, 'reset-password', token)),
      );
      await this.audit.record(manager, {
        actor: { accountId: null, role: 'anonymous' },
        action: 'account.registration_refused',
        target: { type: 'account', id: account.id },
        requestId: context.requestId,
        details: { reason: 'email_taken' },
      });
    });
  }
}

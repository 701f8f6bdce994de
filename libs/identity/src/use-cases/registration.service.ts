import { AuditService } from '@app/audit';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { MailOutbox } from '@app/mail';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { normaliseEmail } from '../accounts/email';
import { InvalidOneTimeTokenError, WeakPasswordError } from '../identity.errors';
import { alreadyRegisteredMail, type MailLanguage, verificationMail } from '../identity-mails';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { passwordProblems } from '../passwords/password-policy';
import type { CallContext } from '../principal';
import { AuthRateLimits } from '../rate-limits/auth-rate-limits.service';
import { AccountTokens } from '../tokens/account-tokens.service';
import { actionLink, pageLink } from './links';

/**
 * Candidate self-registration. Registering takes an address only: the password is chosen through
 * the emailed verification link, so whoever holds the mailbox sets it, and registering an address
 * one does not own gains nothing. The answer is the same whether or not the address is taken (the
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

  /**
   * `language` is the reader's (the page they registered on): the mail is written in it and links to
   * that page; `keepLanguage` stores it as the account's mail language, in the same transaction, for an
   * account that nobody has confirmed yet (never for an existing one, which a stranger could name).
   */
  async registerCandidate(
    input: { email: string; language?: MailLanguage },
    context: CallContext,
    keepLanguage?: (manager: EntityManager, accountId: string, language: MailLanguage) => Promise<void>,
  ): Promise<void> {
    await this.rateLimits.consumeRegistration(context.ip);
    const language = input.language;
    const keep = async (manager: EntityManager, accountId: string) => {
      if (language && keepLanguage) await keepLanguage(manager, accountId, language);
    };
    const email = normaliseEmail(input.email);
    // One transaction of much the same work whichever way it goes, decided by the unique index so
    // that concurrent calls agree.
    await this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO accounts (id, email, password_hash, role) VALUES ($1, $2, NULL, 'candidate')
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [randomUUID(), email],
      );
      const id = inserted[0]?.id;
      if (id) {
        await keep(manager, id);
        await this.sendVerification(manager, id, email, language);
        await this.recordRegistration(manager, id, 'account.registered', context);
        return;
      }
      const account = await manager.findOneByOrFail(AccountEntity, { email });
      if (awaitsVerification(account)) {
        // Registered again before confirming: a fresh link, to the same mailbox.
        await keep(manager, account.id);
        await this.sendVerification(manager, account.id, email, language);
        await this.recordRegistration(manager, account.id, 'account.verification_resent', context);
        return;
      }
      // No token here: a new one would void the reset link or invitation the owner may be holding.
      await this.mail.queue(
        manager,
        alreadyRegisteredMail(email, pageLink(this.config, 'forgot-password', language), language),
      );
      await this.recordRegistration(manager, account.id, 'account.registration_refused', context);
    });
  }

  /** Proves the address and sets the password its holder chooses; the link works once. */
  async verifyEmail(input: { token: string; password: string }, context: CallContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const accountId = await this.tokens.holdLive(manager, input.token, ['email_verification']);
      if (!accountId) throw new InvalidOneTimeTokenError();
      const account = await manager.findOneByOrFail(AccountEntity, { id: accountId });
      const problems = passwordProblems(input.password, account.email);
      if (problems.length > 0) throw new WeakPasswordError(problems);
      await this.tokens.consume(manager, input.token, ['email_verification']);
      await manager.query(
        `UPDATE accounts SET password_hash = $2, password_changed_at = now(),
                email_verified_at = coalesce(email_verified_at, now()), updated_at = now()
          WHERE id = $1`,
        [accountId, await this.hasher.hash(input.password)],
      );
      await this.audit.record(manager, {
        actor: { accountId, role: account.role },
        action: 'account.email_verified',
        target: { type: 'account', id: accountId },
        requestId: context.requestId,
        details: { passwordSet: true },
      });
    });
  }

  private async sendVerification(
    manager: EntityManager,
    accountId: string,
    email: string,
    language?: MailLanguage,
  ): Promise<void> {
    const token = await this.tokens.issue(
      manager,
      accountId,
      'email_verification',
      this.config.auth.emailTokenTtlHours * 3600 * 1000,
    );
    await this.mail.queue(
      manager,
      verificationMail(email, actionLink(this.config, 'verify-email', token, language), language),
    );
  }

  private async recordRegistration(
    manager: EntityManager,
    accountId: string,
    action: 'account.registered' | 'account.verification_resent' | 'account.registration_refused',
    context: CallContext,
  ): Promise<void> {
    await this.audit.record(manager, {
      actor:
        action === 'account.registered'
          ? { accountId, role: 'candidate' }
          : { accountId: null, role: 'anonymous' },
      action,
      target: { type: 'account', id: accountId },
      requestId: context.requestId,
      details: action === 'account.registration_refused' ? { reason: 'email_taken' } : undefined,
    });
  }
}

/** A self-registration whose address was never confirmed: nobody has chosen its password yet. */
function awaitsVerification(account: AccountEntity): boolean {
  return account.role === 'candidate' && account.emailVerifiedAt === null && account.passwordHash === null;
}

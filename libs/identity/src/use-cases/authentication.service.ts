import { AuditService } from '@app/audit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { normaliseEmail } from '../accounts/email';
import {
  EmailNotVerifiedError,
  InvalidCredentialsError,
  InvalidRefreshTokenError,
  RefreshTokenReusedError,
} from '../identity.errors';
import { PasswordHasher } from '../passwords/password-hasher.service';
import type { CallContext, Principal } from '../principal';
import { AuthRateLimits } from '../rate-limits/auth-rate-limits.service';
import { Sessions, type TokenPair } from '../sessions/sessions.service';

type LoginFailure = 'bad_credentials' | 'email_not_verified' | 'disabled';

/** Sign-in, token refresh and sign-out. */
@Injectable()
export class Authentication {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
    private readonly audit: AuditService,
    private readonly rateLimits: AuthRateLimits,
  ) {}

  async login(input: { email: string; password: string }, context: CallContext): Promise<TokenPair> {
    const email = normaliseEmail(input.email);
    await this.rateLimits.assertLoginAllowed(context.ip, email);
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ email });
    // Unknown accounts still pay for a full argon2 verification: timing does not reveal who exists.
    const passwordOk = await this.hasher.verify(account?.passwordHash ?? null, input.password);
    const failure: LoginFailure | null =
      !account || !passwordOk
        ? 'bad_credentials'
        : account.disabledAt
          ? 'disabled'
          : !account.emailVerifiedAt
            ? 'email_not_verified'
            : null;
    if (failure) {
      if (failure === 'bad_credentials') await this.rateLimits.recordLoginFailure(context.ip, email);
      await this.recordFailure(account, failure, context);
      throw failure === 'email_not_verified' ? new EmailNotVerifiedError() : new InvalidCredentialsError();
    }
    const signedIn = account as AccountEntity;
    await this.rateLimits.clearLoginFailures(email);
    return this.dataSource.transaction(async (manager) => {
      const { sessionId, tokens } = await this.sessions.open(manager, signedIn.id);
      await this.audit.record(manager, {
        actor: { accountId: signedIn.id, role: signedIn.role },
        action: 'auth.login_succeeded',
        target: { type: 'account', id: signedIn.id },
        requestId: context.requestId,
        details: { sessionId },
      });
      return tokens;
    });
  }

  async refresh(refreshToken: string, context: CallContext): Promise<TokenPair> {
    const rotation = await this.dataSource.transaction(async (manager) => {
      const result = await this.sessions.rotate(manager, refreshToken);
      if (result.outcome === 'reused') {
        const account = await manager.findOneByOrFail(AccountEntity, { id: result.accountId });
        await this.audit.record(manager, {
          actor: { accountId: null, role: 'anonymous' },
          action: 'auth.refresh_token_reused',
          target: { type: 'account', id: account.id },
          requestId: context.requestId,
          details: { sessionId: result.sessionId, sessionRevoked: true },
        });
      }
      return result;
    });
    // Thrown after the commit: the family stays revoked although the request fails.
    switch (rotation.outcome) {
      case 'rotated':
        return rotation.tokens;
      case 'reused':
        throw new RefreshTokenReusedError();
      case 'refused':
        throw new InvalidRefreshTokenError();
    }
  }

  /** Ends the session the refresh token belongs to; unknown tokens are ignored (nothing to end). */
  async logout(refreshToken: string, context: CallContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.findByRefreshToken(manager, refreshToken);
      if (!session || session.revoked) return;
      const account = await manager.findOneByOrFail(AccountEntity, { id: session.accountId });
      await this.sessions.revoke(manager, session.sessionId, 'logout');
      await this.audit.record(manager, {
        actor: { accountId: account.id, role: account.role },
        action: 'auth.logout',
        target: { type: 'account', id: account.id },
        requestId: context.requestId,
        details: { sessionId: session.sessionId },
      });
    });
  }

  /** The caller behind a bearer access token, or null. */
  async authenticate(accessToken: string): Promise<Principal | null> {
    const steps = await this.authenticateInSteps(accessToken);
    return steps ? steps.pending : null;
  }

  /**
   * Authentication in two steps, so that a read may start between them: the token's own checks
   * now (null when they fail), then the session and account lookup, started here and handed back
   * unfinished (it yields null when the session is over). Whoever starts a read meanwhile must wait
   * for it before answering.
   */
  async authenticateInSteps(accessToken: string): Promise<{ pending: Promise<Principal | null> } | null> {
    const claims = await this.sessions.claimsOf(accessToken);
    return claims ? { pending: this.sessions.principalOf(claims) } : null;
  }

  private async recordFailure(account: AccountEntity | null, reason: LoginFailure, context: CallContext) {
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actor: { accountId: null, role: 'anonymous' },
        action: 'auth.login_failed',
        target: account ? { type: 'account', id: account.id } : undefined,
        requestId: context.requestId,
        details: { reason: account ? reason : 'unknown_account' },
      }),
    );
  }
}

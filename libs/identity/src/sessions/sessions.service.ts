import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccountRole } from '../accounts/account-role';
import type { Principal } from '../principal';
import { generateSecretToken, hashSecretToken } from '../tokens/secret-token';
import { AccessTokens, type AccessTokenClaims } from './access-tokens.service';
import { AuthSessionEntity } from './auth-session.entity';
import { decideRefresh } from './refresh-decision';
import { RefreshTokenEntity } from './refresh-token.entity';

export interface TokenPair {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
}

export type Rotation =
  | { outcome: 'rotated'; accountId: string; sessionId: string; tokens: TokenPair }
  | { outcome: 'reused'; accountId: string; sessionId: string }
  | { outcome: 'refused' };

interface PresentedRow {
  id: string;
  session_id: string;
  account_id: string;
  expires_at: Date;
  rotated_at: Date | null;
  session_revoked_at: Date | null;
  account_disabled_at: Date | null;
}

interface PrincipalRow {
  role: AccountRole;
  employer_organisation_id: string | null;
  is_organisation_admin: boolean;
  member_state: string | null;
}

/** Sign-in sessions: each is a family of rotating refresh tokens behind short-lived access tokens. */
@Injectable()
export class Sessions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessTokens: AccessTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(manager: EntityManager, accountId: string): Promise<{ sessionId: string; tokens: TokenPair }> {
    const sessionId = randomUUID();
    await manager.insert(AuthSessionEntity, { id: sessionId, accountId });
    return { sessionId, tokens: await this.issue(manager, accountId, sessionId) };
  }

  /** Exchanges a refresh token for a new pair; a second use of the same token revokes the session. */
  async rotate(manager: EntityManager, refreshToken: string): Promise<Rotation> {
    const rows: PresentedRow[] = await manager.query(
      `SELECT rt.id, rt.session_id, s.account_id, rt.expires_at, rt.rotated_at,
              s.revoked_at AS session_revoked_at, a.disabled_at AS account_disabled_at
         FROM refresh_tokens rt
         JOIN auth_sessions s ON s.id = rt.session_id
         JOIN accounts a ON a.id = s.account_id
        WHERE rt.token_hash = $1
          FOR UPDATE OF rt, s`,
      [hashSecretToken(refreshToken)],
    );
    const row = rows[0];
    if (!row) return { outcome: 'refused' };
    const decision = decideRefresh(
      {
        rotatedAt: row.rotated_at,
        expiresAt: row.expires_at,
        sessionRevokedAt: row.session_revoked_at ?? row.account_disabled_at,
      },
      new Date(),
    );
    switch (decision) {
      case 'revoked':
      case 'expired':
        return { outcome: 'refused' };
      case 'reuse':
        await this.revoke(manager, row.session_id, 'refresh_token_reused');
        return { outcome: 'reused', accountId: row.account_id, sessionId: row.session_id };
      case 'rotate':
        await manager.update(RefreshTokenEntity, { id: row.id }, { rotatedAt: new Date() });
        return {
          outcome: 'rotated',
          accountId: row.account_id,
          sessionId: row.session_id,
          tokens: await this.issue(manager, row.account_id, row.session_id),
        };
    }
  }

  /** The session a refresh token belongs to, whatever the token's state. */
  async findByRefreshToken(
    manager: EntityManager,
    refreshToken: string,
  ): Promise<{ sessionId: string; accountId: string; revoked: boolean } | null> {
    const rows: { session_id: string; account_id: string; revoked_at: Date | null }[] = await manager.query(
      `SELECT s.id AS session_id, s.account_id, s.revoked_at
         FROM refresh_tokens rt JOIN auth_sessions s ON s.id = rt.session_id
        WHERE rt.token_hash = $1`,
      [hashSecretToken(refreshToken)],
    );
    const row = rows[0];
    return row
      ? { sessionId: row.session_id, accountId: row.account_id, revoked: row.revoked_at !== null }
      : null;
  }

  async revoke(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.query(
      'UPDATE auth_sessions SET revoked_at = now(), revoke_reason = $2 WHERE id = $1 AND revoked_at IS NULL',
      [sessionId, reason],
    );
  }

  /** Ends every session of the account, except `keepSessionId` (the caller's own, on password change). */
  async revokeAll(manager: EntityManager, accountId: string, reason: string, keepSessionId?: string) {
    await manager.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = $2
        WHERE account_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [accountId, reason, keepSessionId ?? null],
    );
  }

  /**
   * The account and session an access token names, if its signature, issuer, audience and expiry
   * hold. Nothing is read from the database: `principalOf` still decides whether they are valid.
   */
  async claimsOf(accessToken: string): Promise<AccessTokenClaims | null> {
    const claims = await this.accessTokens.verify(accessToken);
    return claims && isUuid(claims.sub) && isUuid(claims.sid) ? claims : null;
  }

  /** Who the claims name: null unless the session is open and the account enabled. */
  async principalOf(claims: AccessTokenClaims): Promise<Principal | null> {
    const rows: PrincipalRow[] = await this.dataSource.query(
      `SELECT a.role, a.employer_organisation_id, a.is_organisation_admin, a.member_state
         FROM auth_sessions s JOIN accounts a ON a.id = s.account_id
        WHERE s.id = $1 AND a.id = $2 AND s.revoked_at IS NULL AND a.disabled_at IS NULL`,
      [claims.sid, claims.sub],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      accountId: claims.sub,
      sessionId: claims.sid,
      role: row.role,
      organisationId: row.employer_organisation_id,
      isOrganisationAdmin: row.is_organisation_admin,
      memberState: row.member_state,
    };
  }

  private async issue(manager: EntityManager, accountId: string, sessionId: string): Promise<TokenPair> {
    const { token, hash } = generateSecretToken();
    await manager.insert(RefreshTokenEntity, {
      id: randomUUID(),
      sessionId,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + this.config.auth.refreshTokenTtlDays * 24 * 3600 * 1000),
    });
    return {
      accessToken: await this.accessTokens.sign(accountId, sessionId),
      expiresIn: this.accessTokens.ttlSeconds,
      refreshToken: token,
    };
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

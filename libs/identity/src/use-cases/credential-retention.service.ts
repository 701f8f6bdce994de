import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Days a used or expired email-verification or password-reset token is kept before deletion. */
export const SPENT_TOKEN_RETENTION_DAYS = 7;
/** Days a revoked session, or a refresh token past its expiry, is kept before deletion. */
export const ENDED_SESSION_RETENTION_DAYS = 30;

export interface CredentialPurge {
  accountTokens: number;
  sessions: number;
  refreshTokens: number;
}

/**
 * Deletes credentials that can no longer be used, once their retention has passed: they answer
 * support and incident questions for a while (the audit log keeps the events for good), then go.
 */
@Injectable()
export class CredentialRetention {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async purgeSpent(): Promise<CredentialPurge> {
    return this.dataSource.transaction(async (manager) => {
      const [, accountTokens] = await manager.query<[unknown, number]>(
        `DELETE FROM account_tokens
          WHERE least(used_at, expires_at) < now() - make_interval(days => $1)`,
        [SPENT_TOKEN_RETENTION_DAYS],
      );
      // A session ends when revoked or when its last refresh token expires; its tokens go with it.
      // One revoked or created within the retention stays, whatever its tokens.
      const [, sessions] = await manager.query<[unknown, number]>(
        `DELETE FROM auth_sessions s
          WHERE s.revoked_at < now() - make_interval(days => $1)
             OR (coalesce(s.revoked_at, s.created_at) < now() - make_interval(days => $1)
                 AND NOT EXISTS (SELECT 1 FROM refresh_tokens t
                                  WHERE t.session_id = s.id AND t.expires_at >= now() - make_interval(days => $1)))`,
        [ENDED_SESSION_RETENTION_DAYS],
      );
      const [, refreshTokens] = await manager.query<[unknown, number]>(
        'DELETE FROM refresh_tokens WHERE expires_at < now() - make_interval(days => $1)',
        [ENDED_SESSION_RETENTION_DAYS],
      );
      return { accountTokens, sessions, refreshTokens };
    });
  }
}

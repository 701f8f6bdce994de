import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AccountTokenEntity, type AccountTokenPurpose } from './account-token.entity';
import { generateSecretToken, hashSecretToken } from './secret-token';

@Injectable()
export class AccountTokens {
  /** Issues a new token and voids the account's earlier unused ones for the same purpose. */
  async issue(
    manager: EntityManager,
    accountId: string,
    purpose: AccountTokenPurpose,
    ttlMs: number,
  ): Promise<string> {
    await manager.query(
      `UPDATE account_tokens SET used_at = now()
        WHERE account_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [accountId, purpose],
    );
    const { token, hash } = generateSecretToken();
    await manager.insert(AccountTokenEntity, {
      id: randomUUID(),
      accountId,
      purpose,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + ttlMs),
    });
    return token;
  }

  /**
   * The account of a live (unused, unexpired) token of one of these purposes, with the token row
   * locked until the transaction ends, so the caller can check its input before `consume`.
   */
  async holdLive(
    manager: EntityManager,
    token: string,
    purposes: readonly AccountTokenPurpose[],
  ): Promise<string | null> {
    const rows: { account_id: string }[] = await manager.query(
      `SELECT account_id FROM account_tokens
        WHERE token_hash = $1 AND purpose = ANY($2::text[]) AND used_at IS NULL AND expires_at > now()
          FOR UPDATE`,
      [hashSecretToken(token), [...purposes]],
    );
    return rows[0]?.account_id ?? null;
  }

  /** Marks the token used and returns its account, or null when unknown, expired or already used. */
  async consume(
    manager: EntityManager,
    token: string,
    purposes: readonly AccountTokenPurpose[],
  ): Promise<string | null> {
    // For UPDATE, TypeORM's postgres driver returns [rows, affectedCount].
    const [rows] = await manager.query<[{ account_id: string }[], number]>(
      `UPDATE account_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = ANY($2::text[]) AND used_at IS NULL AND expires_at > now()
        RETURNING account_id`,
      [hashSecretToken(token), [...purposes]],
    );
    return rows[0]?.account_id ?? null;
  }
}

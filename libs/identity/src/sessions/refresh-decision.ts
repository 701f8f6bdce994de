export interface PresentedRefreshToken {
  rotatedAt: Date | null;
  expiresAt: Date;
  sessionRevokedAt: Date | null;
}

export type RefreshDecision = 'rotate' | 'reuse' | 'expired' | 'revoked';

/**
 * What to do with a presented refresh token. A token that was already rotated is proof that two
 * parties hold the same family (one of them a thief): the whole session is revoked.
 */
export function decideRefresh(token: PresentedRefreshToken, now: Date): RefreshDecision {
  if (token.sessionRevokedAt) return 'revoked';
  if (token.rotatedAt) return 'reuse';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}

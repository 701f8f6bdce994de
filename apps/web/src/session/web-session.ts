/** What the server keeps for one browser, in Redis; the browser holds only its random id. */
export interface WebSession {
  readonly id: string;
  /** Sent back with every form (synchronizer token). */
  readonly csrf: string;
  account?: SignedInAccount;
}

export interface SignedInAccount {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  accessExpiresAt: number;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export function signedIn(pair: TokenPair, now = Date.now()): SignedInAccount {
  return {
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    accessExpiresAt: now + pair.expiresIn * 1000,
  };
}

/** An access token this close to expiry is refreshed before use. */
export const REFRESH_MARGIN_MS = 30_000;

export function needsRefresh(account: SignedInAccount, now = Date.now()): boolean {
  return account.accessExpiresAt - now <= REFRESH_MARGIN_MS;
}

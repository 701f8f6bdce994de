/** What the server keeps for one browser, in Redis; the browser holds only its random id. */
export interface WebSession {
  readonly id: string;
  /** Sent back with every form (synchronizer token). */
  readonly csrf: string;
  account?: SignedInAccount;
}

/** Who is signed in, as the API's `GET /me` told it at sign-in; it picks the navigation and the home page. */
export type WebRole = 'candidate' | 'employer' | 'ncp' | 'admin';

export interface SignedInAccount {
  role: WebRole;
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

export function signedIn(pair: TokenPair, role: WebRole, now = Date.now()): SignedInAccount {
  return {
    role,
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

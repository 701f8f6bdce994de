import type { AuditActor } from '@app/audit';
import type { AccountRole } from './accounts/account-role';

/** The authenticated caller, as re-read from the database on every request. */
export interface Principal {
  accountId: string;
  role: AccountRole;
  sessionId: string;
  /** Set for employer users only. */
  organisationId: string | null;
  isOrganisationAdmin: boolean;
  /** ISO 3166-1 alpha-2 code; set for NCP users only. */
  memberState: string | null;
}

/**
 * A caller whose session is still being looked up: `confirmed` settles with them, or with the
 * refusal (401, 403). Held in an object, not passed as a bare promise, so that nothing on the way
 * (the framework awaits route parameters) waits for it before the holder chooses to.
 */
export interface PendingPrincipal {
  readonly confirmed: Promise<Principal>;
}

/** Where a call comes from, for rate limits and the audit trail. */
export interface CallContext {
  ip: string;
  requestId?: string;
}

export function actorOf(principal: Pick<Principal, 'accountId' | 'role'>): AuditActor {
  return { accountId: principal.accountId, role: principal.role };
}

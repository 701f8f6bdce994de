import { NotOwnerError } from './identity.errors';
import type { Principal } from './principal';

/**
 * Ownership rules shared by every feature's services. Administrators pass every check; everyone
 * else only reaches their own account, organisation or Member State.
 */
export function assertOwnAccount(principal: Principal, accountId: string): void {
  if (principal.role === 'admin' || principal.accountId === accountId) return;
  throw new NotOwnerError('account');
}

export function assertOwnOrganisation(principal: Principal, organisationId: string): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'employer' && principal.organisationId === organisationId) return;
  throw new NotOwnerError('organisation');
}

export function assertOwnMemberState(principal: Principal, memberState: string): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'ncp' && principal.memberState === memberState.toUpperCase()) return;
  throw new NotOwnerError('Member State');
}

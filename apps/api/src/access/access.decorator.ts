import { ACCOUNT_ROLES, type AccountRole } from '@app/identity';
import { SetMetadata } from '@nestjs/common';

export type Role = AccountRole;
export const ROLES: readonly Role[] = ACCOUNT_ROLES;

/**
 * `before`: the session is confirmed before the handler runs. `alongside`: only the token is checked
 * first, and the handler receives the caller still being confirmed (`PendingPrincipal`).
 */
export type AccessRule =
  { kind: 'public' } | { kind: 'roles'; roles: readonly Role[]; confirmed: 'before' | 'alongside' };

export const ACCESS_RULE = 'access-rule';

/** Anyone, signed in or not, may call this route. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Only signed-in users with one of these roles may call this route (ownership is checked in the service). */
export const Roles = (...roles: Role[]) =>
  SetMetadata(ACCESS_RULE, { kind: 'roles', roles, confirmed: 'before' } satisfies AccessRule);

/**
 * As `Roles`, for a read that changes nothing before its caller is confirmed: a valid, unexpired
 * access token lets the handler start, and the session, account and role lookup runs beside its
 * read. The handler gets the caller pending (`@PendingCaller()`) and awaits its `confirmed` before
 * writing or answering anything; `PendingCallerInterceptor` holds back whatever the route answers
 * until then as well. A closed session or wrong role still gets its 401 or 403 and never a result.
 */
export const RolesConfirmedAlongside = (...roles: Role[]) =>
  SetMetadata(ACCESS_RULE, { kind: 'roles', roles, confirmed: 'alongside' } satisfies AccessRule);

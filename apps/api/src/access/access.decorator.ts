import { ACCOUNT_ROLES, type AccountRole } from '@app/identity';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export type Role = AccountRole;
export const ROLES: readonly Role[] = ACCOUNT_ROLES;

/**
 * `before`: the session is confirmed before the handler runs. `alongside`: only the token is checked
 * first, and the handler receives the caller still being confirmed (`PendingPrincipal`).
 */
export type AccessRule =
  { kind: 'public' } | { kind: 'roles'; roles: readonly Role[]; confirmed: 'before' | 'alongside' };

export const ACCESS_RULE = 'access-rule';

/**
 * The OpenAPI extension naming who may call an operation: `['public']` or the allowed roles. It is
 * written by the same decorators the guard reads, so the document cannot drift from the guard.
 */
export const ROLES_EXTENSION = 'x-roles';
export const PUBLIC_ACCESS = 'public';

function accessRule(rule: AccessRule): ClassDecorator & MethodDecorator {
  const roles = rule.kind === 'public' ? [PUBLIC_ACCESS] : [...rule.roles];
  return applyDecorators(SetMetadata(ACCESS_RULE, rule), ApiExtension(ROLES_EXTENSION, roles));
}

/** Anyone, signed in or not, may call this route. */
export const Public = () => accessRule({ kind: 'public' });

/** Only signed-in users with one of these roles may call this route (ownership is checked in the service). */
export const Roles = (...roles: Role[]) => accessRule({ kind: 'roles', roles, confirmed: 'before' });

/**
 * As `Roles`, for a read that changes nothing before its caller is confirmed: a valid, unexpired
 * access token lets the handler start, and the session, account and role lookup runs beside its
 * read. The handler gets the caller pending (`@PendingCaller()`) and awaits its `confirmed` before
 * writing or answering anything; `PendingCallerInterceptor` holds back whatever the route answers
 * until then as well. A closed session or wrong role still gets its 401 or 403 and never a result.
 */
export const RolesConfirmedAlongside = (...roles: Role[]) =>
  accessRule({ kind: 'roles', roles, confirmed: 'alongside' });

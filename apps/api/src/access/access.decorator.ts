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

/** The OpenAPI extension that tells integrators, on every operation, who may call it. */
export const ACCESS_EXTENSION = 'x-access';

export type AccessDescription = { public: true } | { public: false; roles: Role[] };

const documented = (rule: AccessRule) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, rule),
    ApiExtension(
      ACCESS_EXTENSION,
      (rule.kind === 'public'
        ? { public: true }
        : { public: false, roles: [...rule.roles] }) satisfies AccessDescription,
    ),
  );

/** Anyone, signed in or not, may call this route. */
export const Public = () => documented({ kind: 'public' });

/** Only signed-in users with one of these roles may call this route (ownership is checked in the service). */
export const Roles = (...roles: Role[]) => documented({ kind: 'roles', roles, confirmed: 'before' });

/**
 * As `Roles`, for a read that changes nothing before its caller is confirmed: a valid, unexpired
 * access token lets the handler start, and the session, account and role lookup runs beside its
 * read. The handler gets the caller pending (`@PendingCaller()`) and awaits its `confirmed` before
 * writing or answering anything; `PendingCallerInterceptor` holds back whatever the route answers
 * until then as well. A closed session or wrong role still gets its 401 or 403 and never a result.
 */
export const RolesConfirmedAlongside = (...roles: Role[]) =>
  documented({ kind: 'roles', roles, confirmed: 'alongside' });

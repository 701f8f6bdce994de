import { ACCOUNT_ROLES, type AccountRole } from '@app/identity';
import { SetMetadata } from '@nestjs/common';

export type Role = AccountRole;
export const ROLES: readonly Role[] = ACCOUNT_ROLES;

export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

export const ACCESS_RULE = 'access-rule';

/** Anyone, signed in or not, may call this route. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Only signed-in users with one of these roles may call this route (ownership is checked in the service). */
export const Roles = (...roles: Role[]) =>
  SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);


import { DomainError } from '@app/common';
import {
  Authentication,
  InvalidAccessTokenError,
  type PendingPrincipal,
  type Principal,
} from '@app/identity';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ACCESS_RULE, type AccessRule, type Role } from './access.decorator';

export type AuthenticatedRequest = Request & {
  id?: string;
  principal?: Principal;
  /** On a `RolesConfirmedAlongside` route: the caller while the session lookup runs. */
  pendingPrincipal?: PendingPrincipal;
};

/**
 * Deny by default: a route without an access rule is refused, so forgetting `@Public()` or
 * `@Roles()` can never open a route. Role routes need a valid bearer access token whose session
 * is still open; the role is read from the account, not trusted from the token. On a
 * `RolesConfirmedAlongside` route that lookup is handed to the handler unfinished (see there).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: Authentication,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule)
      throw new DomainError('forbidden', 'ACCESS_RULE_MISSING', 'This route declares no access rule');
    if (rule.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request);
    if (!token)
      throw new DomainError('unauthenticated', 'AUTHENTICATION_REQUIRED', 'Sign in to use this route');
    const authenticated = await this.authentication.authenticateInSteps(token);
    if (!authenticated) throw new InvalidAccessTokenError();
    const confirmed = authenticated.pending.then((principal) => allowed(principal, rule.roles));
    if (rule.confirmed === 'before') {
      request.principal = await confirmed;
      return true;
    }
    // The handler and the PendingCallerInterceptor read it; a refusal settled before they do must
    // not count as an unhandled rejection meanwhile.
    confirmed.catch(() => undefined);
    request.pendingPrincipal = { confirmed };
    return true;
  }
}

function allowed(principal: Principal | null, roles: readonly Role[]): Principal {
  if (!principal) throw new InvalidAccessTokenError();
  if (!roles.includes(principal.role))
    throw new DomainError('forbidden', 'ROLE_NOT_ALLOWED', 'Your role may not use this route');
  return principal;
}

function bearerToken(request: Request): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
  return match ? match[1] : null;
}

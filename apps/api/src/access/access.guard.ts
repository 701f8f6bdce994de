import { DomainError } from '@app/common';
import { Authentication, InvalidAccessTokenError, type Principal } from '@app/identity';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ACCESS_RULE, type AccessRule, type Role } from './access.decorator';

export type AuthenticatedRequest = Request & {
  id?: string;
  principal?: Principal;
};

/**
 * Deny by default: a route without an access rule is refused, so forgetting `@Public()` or
 * `@Roles()` can never open a route. Role routes need a valid bearer access token whose session
 * is still open; the role is read from the account, not trusted from the token. The guard runs
 * before any pipe, so a refused caller learns nothing from how its input would have been judged.
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
    request.principal = allowed(await this.authentication.authenticate(token), rule.roles);
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

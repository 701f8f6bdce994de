import { DomainError } from '@app/common';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from './access.decorator';

/**
 * Deny by default: a route without an access rule is refused, so forgetting `@Public()` or
 * `@Roles()` can never open a route.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule)
      throw new DomainError('forbidden', 'ACCESS_RULE_MISSING', 'This route declares no access rule');
    if (rule.kind === 'public') return true;
    throw new DomainError('unauthenticated', 'AUTHENTICATION_REQUIRED', 'Sign in to use this route');
  }
}

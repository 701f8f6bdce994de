import type { CallContext, PendingPrincipal, Principal } from '@app/identity';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './access.guard';

/** The signed-in caller of a `@Roles()` route (set by the AccessGuard). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without a @Roles() rule');
  return principal;
});

/** The caller of a `@RolesConfirmedAlongside()` route, still being confirmed (set by the AccessGuard). */
export const PendingCaller = createParamDecorator(
  (_: unknown, context: ExecutionContext): PendingPrincipal => {
    const pending = context.switchToHttp().getRequest<AuthenticatedRequest>().pendingPrincipal;
    if (!pending) throw new Error('PendingCaller used on a route without a @RolesConfirmedAlongside() rule');
    return pending;
  },
);

/** Client address and request id, for rate limits and the audit trail. */
export const CallerContext = createParamDecorator((_: unknown, context: ExecutionContext): CallContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  return { ip: request.ip ?? request.socket.remoteAddress ?? 'unknown', requestId: request.id };
});

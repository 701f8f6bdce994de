import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, mergeMap, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from './access.guard';

/**
 * On a `RolesConfirmedAlongside` route, nothing leaves before the caller is confirmed: neither the
 * handler's answer nor its error, including a refusal of the input by a pipe. A caller the session
 * lookup refuses gets that refusal (401, 403) instead, so a wrong role never learns more from a
 * malformed request than from a well-formed one, and a handler that forgot to wait still answers
 * no one it should not.
 */
@Injectable()
export class PendingCallerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const pending = context.switchToHttp().getRequest<AuthenticatedRequest>().pendingPrincipal;
    if (!pending) return next.handle();
    return next.handle().pipe(
      mergeMap(async (value: unknown) => {
        await pending.confirmed;
        return value;
      }),
      catchError(async (error: unknown) => {
        await pending.confirmed;
        throw error;
      }),
    );
  }
}

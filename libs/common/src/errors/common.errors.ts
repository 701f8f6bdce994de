import type { DomainErrorDetail } from './domain-error';
import { DomainError } from './domain-error';

export class ValidationFailedError extends DomainError {
  constructor(message: string, details?: DomainErrorDetail[]) {
    super('invalid', 'VALIDATION_FAILED', message, details);
  }
}

export class ResourceNotFoundError extends DomainError {
  constructor(resource: string, id: string) {
    super('not_found', 'NOT_FOUND', `${resource} ${id} does not exist`);
  }
}

/** Too many attempts: the API answers 429 with `Retry-After`. */
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    code = 'TOO_MANY_ATTEMPTS',
  ) {
    super('rate_limited', code, message, [
      { reason: `retry after ${retryAfterSeconds} s`, retryAfterSeconds },
    ]);
  }
}

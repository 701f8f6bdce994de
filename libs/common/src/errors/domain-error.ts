/**
 * What kind of failure a domain error is. The API maps each kind to one HTTP status in a single
 * exhaustive switch, so services never think in HTTP terms.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'rate_limited'
  | 'unavailable';

export interface DomainErrorDetail {
  field?: string;
  reason: string;
  [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** SCREAMING_SNAKE code clients can branch on. */
    readonly code: string,
    message: string,
    readonly details?: DomainErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

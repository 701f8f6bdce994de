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

/** One problem with a request. A closed shape: the API documents every key of it in its error schema. */
export interface DomainErrorDetail {
  field?: string;
  reason: string;
  /** The detail's own SCREAMING_SNAKE code, where one request can fail for several reasons. */
  code?: string;
  /** Seconds until a rate-limited call may succeed (also sent as `Retry-After`). */
  retryAfterSeconds?: number;
  /** An ESCO concept URI the request named that the taxonomy does not hold. */
  uri?: string;
  /** The occupation, Member State and date a shortage-list check was made for. */
  occupationUri?: string;
  memberState?: string;
  date?: string;
  /** The states of a transition that is not allowed. */
  from?: string;
  to?: string;
  /** When a refusal that lasts for a while ends (ISO 8601 date-time). */
  until?: string;
  /** The current version of a text the caller must confirm (consent texts). */
  version?: string;
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

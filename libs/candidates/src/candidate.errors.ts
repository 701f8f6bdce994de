import { DomainError, type DomainErrorDetail } from '@app/common';

export interface EligibilityRefusal {
  code:
    | 'RESIDENCE_IN_EU'
    | 'EU_CITIZENSHIP'
    | 'BELOW_MINIMUM_AGE'
    | 'RESIDENCE_COUNTRY_NOT_ELIGIBLE'
    | 'CITIZENSHIP_COUNTRY_NOT_ELIGIBLE';
  field: string;
  reason: string;
}

/** The first refusal gives the code; details list every refusal with its own code. */
export class CandidateNotEligibleError extends DomainError {
  constructor(readonly refusals: readonly EligibilityRefusal[]) {
    super(
      'precondition_failed',
      refusals[0].code,
      refusals[0].reason,
      refusals.map((refusal) => ({ field: refusal.field, reason: refusal.reason, code: refusal.code })),
    );
  }
}

export class CandidateNotFoundError extends DomainError {
  constructor() {
    super(
      'not_found',
      'CANDIDATE_NOT_FOUND',
      'No candidate profile exists for this account; create one with POST /candidates/me',
    );
  }
}

export class CandidateAlreadyRegisteredError extends DomainError {
  constructor() {
    super('conflict', 'CANDIDATE_ALREADY_REGISTERED', 'This account already has a candidate profile');
  }
}

export class NotACandidateAccountError extends DomainError {
  constructor() {
    super('forbidden', 'NOT_A_CANDIDATE_ACCOUNT', 'Only candidate accounts have a candidate profile');
  }
}

export class InvalidProfileError extends DomainError {
  constructor(code: string, message: string, details: DomainErrorDetail[]) {
    super('invalid', code, message, details);
  }
}

export class UnknownEscoConceptError extends InvalidProfileError {
  constructor(details: DomainErrorDetail[]) {
    super('UNKNOWN_ESCO_CONCEPT', 'Some ESCO URIs are not in the taxonomy (or are obsolete)', details);
  }
}

export class UnknownReferenceError extends InvalidProfileError {
  constructor(details: DomainErrorDetail[]) {
    super('UNKNOWN_REFERENCE_VALUE', 'Some codes are not known reference values', details);
  }
}

export class InvalidPhoneNumberError extends InvalidProfileError {
  constructor() {
    super('INVALID_PHONE_NUMBER', 'The phone number is not a valid number', [
      {
        field: 'phone',
        reason: 'must be a valid phone number, in international form or of the residence country',
      },
    ]);
  }
}

export class ProfileIncompleteError extends DomainError {
  constructor(missing: readonly string[]) {
    super(
      'precondition_failed',
      'PROFILE_INCOMPLETE',
      'An active profile needs at least one occupation, one skill and one language',
      missing.map((item) => ({ field: item, reason: 'at least one entry is required' })),
    );
  }
}

export class InvalidLifecycleTransitionError extends DomainError {
  constructor(from: string, to: string) {
    super('conflict', 'INVALID_LIFECYCLE_TRANSITION', `A ${from} profile cannot become ${to}`);
  }
}

import { DomainError, RateLimitedError } from '@app/common';
import type { ConsentState, ConsentTerms, Stage } from './contact.types';

export class ContactNotFoundError extends DomainError {
  constructor() {
    super('not_found', 'CONTACT_NOT_FOUND', 'No such application or contact request');
  }
}

export class CandidateNotContactableError extends DomainError {
  constructor() {
    super('not_found', 'CANDIDATE_NOT_AVAILABLE', 'No searchable candidate has this reference code');
  }
}

export class CandidateNotActiveError extends DomainError {
  constructor() {
    super('precondition_failed', 'CANDIDATE_NOT_ACTIVE', 'Only an active profile can apply');
  }
}

export class VacancyNotOpenError extends DomainError {
  constructor() {
    super('precondition_failed', 'VACANCY_NOT_OPEN', 'The vacancy is not published and open');
  }
}

export class ContactExistsError extends DomainError {
  constructor(consent: ConsentState) {
    super('conflict', 'CONTACT_EXISTS', `This candidate and vacancy already have a contact (${consent})`);
  }
}

export class ContactCooldownError extends DomainError {
  constructor(until: Date) {
    super(
      'conflict',
      'CONTACT_COOLDOWN',
      'The candidate declined or withdrew for this vacancy; they cannot be asked again yet',
      [{ reason: 'cool-down', until: until.toISOString() }],
    );
  }
}

export class ConsentTextOutdatedError extends DomainError {
  constructor(terms: ConsentTerms) {
    super(
      'conflict',
      'CONSENT_TEXT_OUTDATED',
      'Confirm the current consent text: send its version back as consentVersion',
      [{ field: 'consentVersion', reason: 'not the current text', version: terms.version }],
    );
  }
}

export class InvalidConsentTransitionError extends DomainError {
  constructor(from: ConsentState, action: string) {
    super('conflict', 'INVALID_CONSENT_TRANSITION', `A ${from} contact cannot be ${action}`);
  }
}

export class InvalidStageTransitionError extends DomainError {
  constructor(from: Stage, to: Stage) {
    super('conflict', 'INVALID_STAGE_TRANSITION', `A pair at stage ${from} cannot move to ${to}`);
  }
}

export class ConversationClosedError extends DomainError {
  constructor() {
    super(
      'precondition_failed',
      'CONVERSATION_CLOSED',
      'Messages need the candidate’s consent for this vacancy, and it is not (or no longer) given',
    );
  }
}

export class ContactingSuspendedError extends DomainError {
  constructor() {
    super('forbidden', 'CONTACTING_SUSPENDED', 'Your organisation’s contacting is suspended');
  }
}

export class ContactLimitReachedError extends RateLimitedError {
  constructor(what: 'contact requests' | 'messages', limit: number, retryAfterSeconds: number) {
    super(
      `Your organisation has sent its ${limit} ${what} for today`,
      retryAfterSeconds,
      'CONTACT_LIMIT_REACHED',
    );
  }
}

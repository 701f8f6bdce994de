import { DomainError, type DomainErrorDetail } from '@app/common';
import type { VacancyStatus } from './vacancy-status';

export class VacancyNotFoundError extends DomainError {
  constructor(id: string) {
    super('not_found', 'VACANCY_NOT_FOUND', `Vacancy ${id} does not exist`);
  }
}

export class InvalidVacancyTransitionError extends DomainError {
  constructor(from: VacancyStatus, to: VacancyStatus) {
    super('conflict', 'INVALID_VACANCY_TRANSITION', `A ${from} vacancy cannot become ${to}`);
  }
}

export class VacancyNotEditableError extends DomainError {
  constructor(status: VacancyStatus) {
    super(
      'conflict',
      'VACANCY_NOT_EDITABLE',
      `Only drafts and published vacancies can be edited; this vacancy is ${status}`,
    );
  }
}

export class InvalidVacancyError extends DomainError {
  constructor(details: DomainErrorDetail[]) {
    super('invalid', 'INVALID_VACANCY', 'The vacancy is invalid', details);
  }
}

export class UnknownEscoConceptError extends DomainError {
  constructor(details: DomainErrorDetail[]) {
    super(
      'invalid',
      'UNKNOWN_ESCO_CONCEPT',
      'The vacancy names ESCO concepts the taxonomy does not have',
      details,
    );
  }
}

export class OccupationNotInShortageError extends DomainError {
  constructor(occupationUri: string, memberState: string, date: string) {
    super(
      'precondition_failed',
      'OCCUPATION_NOT_IN_SHORTAGE',
      `The occupation is not on the shortage list of ${memberState} on ${date}; flag the vacancy as ` +
        'contributing to EU competitiveness, with a justification, to publish it anyway',
      [{ field: 'occupationUri', reason: 'not in shortage', occupationUri, memberState, date }],
    );
  }
}

import { DomainError } from '@app/common';
import type { EmployerStatus } from './employer-status';

export class EmployerNotFoundError extends DomainError {
  constructor(id: string) {
    super('not_found', 'EMPLOYER_NOT_FOUND', `Employer ${id} does not exist`);
  }
}

export class EmployerNotVerifiedError extends DomainError {
  constructor() {
    super(
      'forbidden',
      'EMPLOYER_NOT_VERIFIED',
      'Only employers verified by their national contact point may do this',
    );
  }
}

export class RegistrationNumberExcludedError extends DomainError {
  constructor() {
    super(
      'forbidden',
      'REGISTRATION_NUMBER_EXCLUDED',
      'Organisations with this registration number are excluded from the platform',
    );
  }
}

export class EmployerAlreadyRegisteredError extends DomainError {
  constructor() {
    super(
      'conflict',
      'EMPLOYER_ALREADY_REGISTERED',
      'An organisation with this registration number is already registered in this Member State',
    );
  }
}

export class InvalidEmployerTransitionError extends DomainError {
  constructor(from: EmployerStatus, to: EmployerStatus) {
    super('conflict', 'INVALID_EMPLOYER_TRANSITION', `An employer cannot go from ${from} to ${to}`, [
      { field: 'status', reason: `not allowed from ${from}`, from, to },
    ]);
  }
}

export class RegistrationNumberAlreadyExcludedError extends DomainError {
  constructor() {
    super('conflict', 'REGISTRATION_NUMBER_ALREADY_EXCLUDED', 'This registration number is already excluded');
  }
}

export class NotOrganisationAdminError extends DomainError {
  constructor() {
    super(
      'forbidden',
      'NOT_ORGANISATION_ADMIN',
      'Only an administrator of the organisation may manage its colleagues',
    );
  }
}

export class ColleagueNotFoundError extends DomainError {
  constructor(id: string) {
    super('not_found', 'COLLEAGUE_NOT_FOUND', `Account ${id} is not a colleague in this organisation`);
  }
}

export class LastOrganisationAdminError extends DomainError {
  constructor() {
    super(
      'conflict',
      'LAST_ORGANISATION_ADMIN',
      'The organisation must keep at least one administrator: appoint another one first',
    );
  }
}

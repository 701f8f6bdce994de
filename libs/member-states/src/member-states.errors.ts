import { DomainError, type DomainErrorDetail } from '@app/common';

export class MemberStateNotFoundError extends DomainError {
  constructor(code: string) {
    super('not_found', 'MEMBER_STATE_NOT_FOUND', `${code} is not an EU Member State of the platform`);
  }
}

export class InvalidParticipationError extends DomainError {
  constructor(details: DomainErrorDetail[]) {
    super(
      'invalid',
      'INVALID_PARTICIPATION',
      'The participation settings break the participation rules',
      details,
    );
  }
}

export class MemberStateNotParticipatingError extends DomainError {
  constructor(code: string, date: string) {
    super(
      'precondition_failed',
      'MEMBER_STATE_NOT_PARTICIPATING',
      `${code} does not participate in the EU Talent Pool on ${date}`,
    );
  }
}

export class EntityTypeNotAllowedError extends DomainError {
  constructor(code: string, entityType: string) {
    super(
      'precondition_failed',
      'ENTITY_TYPE_NOT_ALLOWED',
      `${code} does not allow organisations of type ${entityType} on the platform`,
    );
  }
}

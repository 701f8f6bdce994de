import { DomainError, type DomainErrorDetail } from '@app/common';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('unauthenticated', 'INVALID_CREDENTIALS', 'The email or password is incorrect');
  }
}

export class EmailNotVerifiedError extends DomainError {
  constructor() {
    super('forbidden', 'EMAIL_NOT_VERIFIED', 'Confirm your email address before signing in');
  }
}

export class InvalidAccessTokenError extends DomainError {
  constructor() {
    super('unauthenticated', 'INVALID_ACCESS_TOKEN', 'The access token is invalid, expired or revoked');
  }
}

export class InvalidRefreshTokenError extends DomainError {
  constructor() {
    super('unauthenticated', 'INVALID_REFRESH_TOKEN', 'The refresh token is invalid, expired or revoked');
  }
}

export class RefreshTokenReusedError extends DomainError {
  constructor() {
    super(
      'unauthenticated',
      'REFRESH_TOKEN_REUSED',
      'This refresh token was already used; the session has been ended for safety',
    );
  }
}

export class InvalidOneTimeTokenError extends DomainError {
  constructor() {
    super('invalid', 'INVALID_OR_EXPIRED_TOKEN', 'The link is invalid, expired or already used');
  }
}

export class WeakPasswordError extends DomainError {
  constructor(details: DomainErrorDetail[]) {
    super('invalid', 'WEAK_PASSWORD', 'The password does not meet the password rules', details);
  }
}

export class CurrentPasswordIncorrectError extends DomainError {
  constructor() {
    super('invalid', 'CURRENT_PASSWORD_INCORRECT', 'The current password is incorrect');
  }
}

export class EmailTakenError extends DomainError {
  constructor() {
    super('conflict', 'EMAIL_TAKEN', 'An account with this email address already exists');
  }
}

export class InvalidMemberStateError extends DomainError {
  constructor(code: string) {
    super('invalid', 'INVALID_MEMBER_STATE', `${code} is not an EU Member State`, [
      { field: 'memberState', reason: 'must be the ISO 3166-1 alpha-2 code of an EU Member State' },
    ]);
  }
}

export class NotOwnerError extends DomainError {
  constructor(resource: string) {
    super('forbidden', 'NOT_OWNER', `This ${resource} belongs to someone else`);
  }
}

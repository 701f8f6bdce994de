import { DomainError } from '@app/common';

export class MatchNotFoundError extends DomainError {
  constructor(referenceCode: string) {
    super(
      'not_found',
      'MATCH_NOT_FOUND',
      `No current match with candidate ${referenceCode} for this vacancy`,
    );
  }
}

import { DomainError } from '@app/common';

export class SearchUnavailableError extends DomainError {
  constructor() {
    super('unavailable', 'SEARCH_UNAVAILABLE', 'Search is temporarily unavailable; try again shortly');
  }
}

export class TalentProfileNotFoundError extends DomainError {
  constructor() {
    super('not_found', 'TALENT_PROFILE_NOT_FOUND', 'No searchable profile has this reference code');
  }
}

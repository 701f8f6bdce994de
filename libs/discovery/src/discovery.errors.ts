import { DomainError } from '@app/common';

export class SearchUnavailableError extends DomainError {
  constructor() {
    super('unavailable', 'SEARCH_UNAVAILABLE', 'Search is temporarily unavailable; try again shortly');
  }
}

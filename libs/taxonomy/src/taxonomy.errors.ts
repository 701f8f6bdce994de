import { DomainError, type DomainErrorDetail } from '@app/common';

export class OccupationNotFoundError extends DomainError {
  constructor(uri: string) {
    super('not_found', 'OCCUPATION_NOT_FOUND', `No ESCO occupation has the URI ${uri}`);
  }
}

export class SkillNotFoundError extends DomainError {
  constructor(uri: string) {
    super('not_found', 'SKILL_NOT_FOUND', `No ESCO skill has the URI ${uri}`);
  }
}

export class IscoGroupNotFoundError extends DomainError {
  constructor(code: string) {
    super('not_found', 'ISCO_GROUP_NOT_FOUND', `No ISCO-08 group has the code ${code}`);
  }
}

export class TaxonomySearchUnavailableError extends DomainError {
  constructor() {
    super(
      'unavailable',
      'TAXONOMY_SEARCH_UNAVAILABLE',
      'The taxonomy search index is not built yet; try again shortly',
    );
  }
}

/** A release folder that cannot be imported; details name the file and line of each problem. */
export class TaxonomyImportError extends DomainError {
  constructor(message: string, details: DomainErrorDetail[] = []) {
    super('invalid', 'TAXONOMY_IMPORT_INVALID', message, details);
  }

  override toString(): string {
    const lines = (this.details ?? []).map((detail) => `  ${detail.field ?? ''} ${detail.reason}`.trimEnd());
    return [this.message, ...lines].join('\n');
  }
}

export class TaxonomyNotImportedError extends DomainError {
  constructor() {
    super('not_found', 'TAXONOMY_NOT_IMPORTED', 'No taxonomy has been imported yet');
  }
}

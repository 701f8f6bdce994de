import { DomainError } from '@app/common';

export class ShortageEntryNotFoundError extends DomainError {
  constructor(entryId: string) {
    super('not_found', 'SHORTAGE_ENTRY_NOT_FOUND', `Shortage-list entry ${entryId} does not exist`);
  }
}

export class EuLayerAdminOnlyError extends DomainError {
  constructor() {
    super('forbidden', 'EU_LAYER_ADMIN_ONLY', 'Only platform administrators edit the EU-wide shortage list');
  }
}

export class InvalidShortageEntryError extends DomainError {
  constructor(field: string, reason: string) {
    super('invalid', 'INVALID_SHORTAGE_ENTRY', `The shortage-list entry is invalid: ${field} ${reason}`, [
      { field, reason },
    ]);
  }
}

export class ShortageEntryWithdrawnError extends DomainError {
  constructor() {
    super('conflict', 'SHORTAGE_ENTRY_WITHDRAWN', 'This shortage-list entry was withdrawn and cannot change');
  }
}

export class ShortageEntryExistsError extends DomainError {
  constructor(entryId: string) {
    super(
      'conflict',
      'SHORTAGE_ENTRY_EXISTS',
      `The list already has this entry for an overlapping period (entry ${entryId}); revise that one instead`,
      [{ field: 'occupationUri', reason: `already listed by entry ${entryId}` }],
    );
  }
}

import { DomainError } from '@app/common';

export class NotificationNotFoundError extends DomainError {
  constructor() {
    super('not_found', 'NOTIFICATION_NOT_FOUND', 'No such notification');
  }
}

export class SavedSearchNotFoundError extends DomainError {
  constructor() {
    super('not_found', 'SAVED_SEARCH_NOT_FOUND', 'No such saved search or alert');
  }
}

export class InvalidUnsubscribeLinkError extends DomainError {
  constructor() {
    super('invalid', 'INVALID_UNSUBSCRIBE_LINK', 'This unsubscribe link is not valid');
  }
}

export class WebhookEndpointNotFoundError extends DomainError {
  constructor() {
    super('not_found', 'WEBHOOK_ENDPOINT_NOT_FOUND', 'No such webhook endpoint');
  }
}

export class WebhookDeliveryNotFoundError extends DomainError {
  constructor() {
    super('not_found', 'WEBHOOK_DELIVERY_NOT_FOUND', 'No such webhook delivery');
  }
}

export class WebhookDestinationRefusedError extends DomainError {
  constructor(reason: string) {
    super('invalid', 'WEBHOOK_DESTINATION_REFUSED', 'This webhook destination is not allowed', [
      { field: 'url', reason },
    ]);
  }
}

export { SavedSearchRunner, type AlertRunSummary } from './alerts/saved-search-runner.service';
export {
  SavedSearches,
  type SavedJobQuery,
  type SavedSearchView,
  type SavedTalentQuery,
} from './alerts/saved-searches.service';
export type { SavedSearchKind } from './alerts/alert-mails';
export { UnsubscribeLinks } from './alerts/unsubscribe-links';
export { EventNotifications } from './centre/event-notifications.service';
export { NotificationCentre, type NewNotification } from './centre/notification-centre.service';
export { NotificationDigests } from './centre/notification-digests.service';
export { NotificationInbox, type NotificationView } from './centre/notification-inbox.service';
export * from './centre/notification-kinds';
export {
  NotificationPreferencesService,
  type NotificationPreferences,
  type PreferencesChange,
} from './centre/notification-preferences.service';
export { NewMatchNotices } from './centre/new-match-notices.service';
export { VacancyExpiryNotices } from './centre/vacancy-expiry-notices.service';
export * from './notifications.errors';
export { NotificationsModule } from './notifications.module';
export {
  WebhookDeliveries,
  type DeliveryStatus,
  type WebhookDeliveryView,
} from './webhooks/webhook-deliveries.service';
export { WebhookEndpoints, type WebhookEndpointView } from './webhooks/webhook-endpoints.service';
export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhooks/webhook-events';
export { SIGNATURE_HEADER, signatureHeader, verifySignature } from './webhooks/webhook-signature';

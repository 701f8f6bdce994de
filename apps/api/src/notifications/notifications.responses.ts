import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_LANGUAGES,
  WEBHOOK_EVENT_TYPES,
  type NotificationChannel,
  type NotificationKind,
  type NotificationLanguage,
  type WebhookEventType,
} from '@app/notifications';
import { ApiProperty } from '@nestjs/swagger';

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ description: 'In the reader’s notification language' }) title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: Date | null;
}

const channel = { enum: NOTIFICATION_CHANNELS } as const;

export class NotificationChannelsResponse {
  @ApiProperty(channel) employer_verified!: NotificationChannel;
  @ApiProperty(channel) employer_suspended!: NotificationChannel;
  @ApiProperty(channel) employer_awaiting_verification!: NotificationChannel;
  @ApiProperty(channel) contact_update!: NotificationChannel;
  @ApiProperty(channel) new_matches!: NotificationChannel;
  @ApiProperty(channel) profile_expiring!: NotificationChannel;
  @ApiProperty(channel) partner_country_status_changed!: NotificationChannel;
  @ApiProperty(channel) vacancy_expiring!: NotificationChannel;
}

export class NotificationPreferencesResponse {
  @ApiProperty({ enum: NOTIFICATION_LANGUAGES }) language!: NotificationLanguage;
  @ApiProperty({ type: NotificationChannelsResponse }) channels!: NotificationChannelsResponse;
}

export class WebhookEndpointResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) eventTypes!: WebhookEventType[];
  @ApiProperty() description!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class RegisteredWebhookEndpointResponse extends WebhookEndpointResponse {
  @ApiProperty({
    description: 'Signing secret (HMAC-SHA256, see docs/webhooks.md); shown only in this answer',
  })
  secret!: string;
}

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) endpointId!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) eventType!: WebhookEventType;
  @ApiProperty({ enum: ['pending', 'delivered', 'retrying', 'failed'] }) status!: string;
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiProperty({ type: 'integer', nullable: true }) lastStatusCode!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) replayOf!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: Date | null;
}

export class SavedSearchResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['talent', 'jobs'] }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The saved criteria, as the search takes them',
  })
  query!: Record<string, unknown>;
  @ApiProperty({ description: 'false once unsubscribed' }) active!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastRunAt!: Date | null;
}

export class UnsubscribeResponse {
  @ApiProperty({ enum: ['talent', 'jobs'] }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'false: the alert is stopped' }) active!: boolean;
}

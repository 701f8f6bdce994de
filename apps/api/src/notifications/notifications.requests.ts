import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_LANGUAGES,
  WEBHOOK_EVENT_TYPES,
  type NotificationChannel,
  type NotificationLanguage,
  type WebhookEventType,
} from '@app/notifications';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../openapi/pagination';
import { JobSearchRequest } from '../search/job-search.request';
import { QueryBoolean } from '../search/query-arrays';
import { TalentSearchRequest } from '../search/talent-search.request';

export class NotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'true: only notifications not read yet' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  unread?: boolean;
}

const channel = { enum: NOTIFICATION_CHANNELS } as const;

/** One optional channel per kind; kinds left out keep their current choice. */
export class NotificationChannelsRequest {
  @ApiPropertyOptional(channel)
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS)
  employer_verified?: NotificationChannel;
  @ApiPropertyOptional(channel)
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS)
  employer_suspended?: NotificationChannel;
  @ApiPropertyOptional(channel)
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS)
  employer_awaiting_verification?: NotificationChannel;
  @ApiPropertyOptional(channel)
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS)
  contact_update?: NotificationChannel;
  @ApiPropertyOptional(channel) @IsOptional() @IsIn(NOTIFICATION_CHANNELS) new_matches?: NotificationChannel;
  @ApiPropertyOptional(channel)
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS)
  profile_expiring?: NotificationChannel;
  @ApiPropertyOptional(channel)
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS)
  partner_country_status_changed?: NotificationChannel;
  @ApiPropertyOptional(channel)
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS)
  vacancy_expiring?: NotificationChannel;
}

export class NotificationPreferencesRequest {
  @ApiPropertyOptional({ enum: NOTIFICATION_LANGUAGES, description: 'Language of mails and of the list' })
  @IsOptional()
  @IsIn(NOTIFICATION_LANGUAGES)
  language?: NotificationLanguage;

  @ApiPropertyOptional({
    type: NotificationChannelsRequest,
    description: 'Per kind: immediate (mailed at once), digest (in the daily mail) or off (in the app only)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NotificationChannelsRequest)
  channels?: NotificationChannelsRequest;
}

export class WebhookEndpointRequest {
  @ApiProperty({ example: 'https://pes.example.org/hooks/talent-pool' })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes!: WebhookEventType[];

  @ApiPropertyOptional({ example: 'Public employment service of the Netherlands' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class WebhookDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the deliveries of this endpoint' })
  @IsOptional()
  @IsUUID()
  endpointId?: string;
}

export class SaveTalentSearchRequest {
  @ApiProperty({ example: 'Welders with French', minLength: 1, maxLength: 120 })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({
    type: TalentSearchRequest,
    description:
      'The criteria of POST /search/talent, validated the same way (limit, offset and facets are ignored)',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => TalentSearchRequest)
  query!: TalentSearchRequest;
}

export class SaveJobAlertRequest {
  @ApiProperty({ example: 'Welding jobs in the Netherlands', minLength: 1, maxLength: 120 })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({
    type: JobSearchRequest,
    description: 'The criteria of GET /search/jobs, validated the same way (limit and offset are ignored)',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => JobSearchRequest)
  query!: JobSearchRequest;
}

/** RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` (form-encoded). */
export class OneClickUnsubscribeRequest {
  @ApiPropertyOptional({ enum: ['One-Click'], name: 'List-Unsubscribe' })
  @IsOptional()
  @IsIn(['One-Click'])
  'List-Unsubscribe'?: string;
}

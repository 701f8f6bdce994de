import type { Page } from '@app/common';
import type { Principal } from '@app/identity';
import {
  NotificationInbox,
  NotificationPreferencesService,
  type NotificationPreferences,
} from '@app/notifications';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { PageResponse } from '../openapi/pagination';
import { NotificationPreferencesRequest, NotificationsQuery } from './notifications.requests';
import { NotificationPreferencesResponse, NotificationResponse } from './notifications.responses';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me')
export class NotificationsController {
  constructor(
    private readonly inbox: NotificationInbox,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  @Roles('candidate', 'employer', 'ncp', 'admin')
  @Get('notifications')
  @ApiOperation({ summary: 'My notifications, newest first; ?unread=true for those not read yet' })
  @ApiOkResponse({ type: PageResponse(NotificationResponse) })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: NotificationsQuery,
  ): Promise<Page<NotificationResponse>> {
    return this.inbox.list(principal, query);
  }

  @Roles('candidate', 'employer', 'ncp', 'admin')
  @Post('notifications/:notificationId/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Marks one of my notifications read' })
  @ApiNoContentResponse({ description: 'Marked read' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'NOTIFICATION_NOT_FOUND (also another user’s)' })
  async markRead(
    @CurrentPrincipal() principal: Principal,
    @Param('notificationId', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.inbox.markRead(principal, id);
  }

  @Roles('candidate', 'employer', 'ncp', 'admin')
  @Post('notifications/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Marks all my notifications read' })
  @ApiNoContentResponse({ description: 'All marked read' })
  async markAllRead(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.inbox.markAllRead(principal);
  }

  @Roles('candidate', 'employer', 'ncp', 'admin')
  @Get('notification-preferences')
  @ApiOperation({ summary: 'My mail language and, per kind, how notifications reach me' })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  getPreferences(@CurrentPrincipal() principal: Principal): Promise<NotificationPreferences> {
    return this.preferences.get(principal);
  }

  @Roles('candidate', 'employer', 'ncp', 'admin')
  @Put('notification-preferences')
  @ApiOperation({
    summary:
      'Changes my mail language or, per kind, immediate / digest / off (every notification stays in the list)',
  })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  updatePreferences(
    @CurrentPrincipal() principal: Principal,
    @Body() body: NotificationPreferencesRequest,
  ): Promise<NotificationPreferences> {
    return this.preferences.update(principal, body);
  }
}

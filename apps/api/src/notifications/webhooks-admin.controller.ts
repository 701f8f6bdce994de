import type { Page } from '@app/common';
import { WebhookDeliveries, WebhookEndpoints } from '@app/notifications';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { ErrorBody } from '../errors/error-body';
import { PageQuery, PageResponse } from '../openapi/pagination';
import { WebhookDeliveriesQuery, WebhookEndpointRequest } from './notifications.requests';
import {
  RegisteredWebhookEndpointResponse,
  WebhookDeliveryResponse,
  WebhookEndpointResponse,
} from './notifications.responses';

@ApiTags('webhooks (administration)')
@ApiBearerAuth()
@Controller('admin/webhooks')
export class WebhooksAdminController {
  constructor(
    private readonly endpoints: WebhookEndpoints,
    private readonly deliveries: WebhookDeliveries,
  ) {}

  @Roles('admin')
  @Post('endpoints')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Administrators: registers a partner system’s endpoint for event types; deliveries are signed with the returned secret',
  })
  @ApiCreatedResponse({ type: RegisteredWebhookEndpointResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'WEBHOOK_DESTINATION_REFUSED, VALIDATION_FAILED' })
  register(@Body() body: WebhookEndpointRequest): Promise<RegisteredWebhookEndpointResponse> {
    return this.endpoints.register(body);
  }

  @Roles('admin')
  @Get('endpoints')
  @ApiOperation({ summary: 'Administrators: the registered endpoints (secrets are never shown again)' })
  @ApiOkResponse({ type: PageResponse(WebhookEndpointResponse) })
  list(@Query() query: PageQuery): Promise<Page<WebhookEndpointResponse>> {
    return this.endpoints.list(query);
  }

  @Roles('admin')
  @Delete('endpoints/:endpointId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Administrators: removes an endpoint with its delivery log' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'WEBHOOK_ENDPOINT_NOT_FOUND' })
  async remove(@Param('endpointId', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.endpoints.remove(id);
  }

  @Roles('admin')
  @Get('deliveries')
  @ApiOperation({ summary: 'Administrators: the delivery log, newest first, with attempts and last outcome' })
  @ApiOkResponse({ type: PageResponse(WebhookDeliveryResponse) })
  deliveriesLog(@Query() query: WebhookDeliveriesQuery): Promise<Page<WebhookDeliveryResponse>> {
    return this.deliveries.list(query);
  }

  @Roles('admin')
  @Post('deliveries/:deliveryId/replay')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Administrators: sends a logged delivery again, as a new delivery signed afresh' })
  @ApiAcceptedResponse({ type: WebhookDeliveryResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'WEBHOOK_DELIVERY_NOT_FOUND' })
  replay(@Param('deliveryId', new ParseUUIDPipe()) id: string): Promise<WebhookDeliveryResponse> {
    return this.deliveries.replay(id);
  }
}

import { ValidationFailedError } from '@app/common';
import { SavedSearches } from '@app/notifications';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, type PipeTransform } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../access/access.decorator';
import { ErrorBody } from '../errors/error-body';
import { OneClickUnsubscribeRequest } from './notifications.requests';
import { UnsubscribeResponse } from './notifications.responses';

const TOKEN = /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/;

class UnsubscribeTokenPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!TOKEN.test(value))
      throw new ValidationFailedError('The request is invalid', [
        { field: 'token', reason: 'must be the token of an unsubscribe link' },
      ]);
    return value;
  }
}

const TOKEN_PARAM = ApiParam({ name: 'token', description: 'From the alert mail’s unsubscribe link' });

@ApiTags('saved searches and alerts')
@ApiBadRequestResponse({
  type: ErrorBody,
  description: 'INVALID_UNSUBSCRIBE_LINK (tampered), VALIDATION_FAILED',
})
@ApiNotFoundResponse({ type: ErrorBody, description: 'SAVED_SEARCH_NOT_FOUND (deleted since)' })
@Controller('alerts/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly searches: SavedSearches) {}

  @Public()
  @Get(':token')
  @TOKEN_PARAM
  @ApiOperation({ summary: 'Shows which alert a signed unsubscribe link stops (no sign-in)' })
  @ApiOkResponse({ type: UnsubscribeResponse })
  async show(@Param('token', UnsubscribeTokenPipe) token: string): Promise<UnsubscribeResponse> {
    const { kind, name, active } = await this.searches.byUnsubscribeToken(token);
    return { kind, name, active };
  }

  @Public()
  @Post(':token')
  @HttpCode(HttpStatus.OK)
  @TOKEN_PARAM
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary:
      'Stops the alert a signed unsubscribe link names (no sign-in); also the RFC 8058 one-click POST of mail clients',
  })
  @ApiOkResponse({ type: UnsubscribeResponse })
  async unsubscribe(
    @Param('token', UnsubscribeTokenPipe) token: string,
    @Body() _body: OneClickUnsubscribeRequest,
  ): Promise<UnsubscribeResponse> {
    const { kind, name, active } = await this.searches.unsubscribe(token);
    return { kind, name, active };
  }
}

import { Authentication, Passwords, Registration, type CallContext, type Principal } from '@app/identity';
import { NotificationPreferencesService } from '@app/notifications';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public, ROLES, Roles } from '../access/access.decorator';
import { CallerContext, CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { ChangePasswordRequest } from './requests/change-password.request';
import { LoginRequest } from './requests/login.request';
import { PasswordResetConfirmRequest } from './requests/password-reset-confirm.request';
import { PasswordResetRequest } from './requests/password-reset.request';
import { RefreshTokenRequest } from './requests/refresh-token.request';
import { RegisterRequest } from './requests/register.request';
import { VerifyEmailRequest } from './requests/verify-email.request';
import { accepted, AcceptedResponse } from './responses/accepted.response';
import { TokenPairResponse, toTokenPairResponse } from './responses/token-pair.response';

@ApiTags('auth')
@ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Rate limited; see the Retry-After header' })
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly registration: Registration,
    private readonly authentication: Authentication,
    private readonly passwords: Passwords,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  @Post('register')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Register a candidate account (an address only)',
    description:
      'The holder of the mailbox chooses the password through the emailed verification link ' +
      '(`POST /auth/verify-email`). The answer is the same whether or not the address has an account; ' +
      'an existing account’s owner is told by mail, and nothing they hold (a reset link, an invitation) is voided.',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse, description: 'A mail is on its way' })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid input' })
  async register(
    @Body() body: RegisterRequest,
    @CallerContext() context: CallContext,
  ): Promise<AcceptedResponse> {
    await this.registration.registerCandidate(body, context, (manager, accountId, language) =>
      this.preferences.keepLanguage(manager, accountId, language),
    );
    return accepted('Check your mailbox to confirm your email address.');
  }

  @Post('verify-email')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Confirm the address and choose the password, with the token from the mail' })
  @ApiNoContentResponse({ description: 'The address is confirmed and the password set; sign in with it' })
  @ApiBadRequestResponse({
    type: ErrorBody,
    description:
      'Invalid, expired or used token, or a password that breaks the rules (the link stays usable)',
  })
  async verifyEmail(@Body() body: VerifyEmailRequest, @CallerContext() context: CallContext): Promise<void> {
    await this.registration.verifyEmail(body, context);
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'Wrong email or password' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'Email address not confirmed yet' })
  async login(@Body() body: LoginRequest, @CallerContext() context: CallContext): Promise<TokenPairResponse> {
    return toTokenPairResponse(await this.authentication.login(body, context));
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokenPairResponse, description: 'A new pair; the presented refresh token is spent' })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'Invalid, expired, revoked or reused token' })
  async refresh(
    @Body() body: RefreshTokenRequest,
    @CallerContext() context: CallContext,
  ): Promise<TokenPairResponse> {
    return toTokenPairResponse(await this.authentication.refresh(body.refreshToken, context));
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The session of this refresh token is ended' })
  async logout(@Body() body: RefreshTokenRequest, @CallerContext() context: CallContext): Promise<void> {
    await this.authentication.logout(body.refreshToken, context);
  }

  @Post('password-reset/request')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    type: AcceptedResponse,
    description:
      'Same answer, and the same work, whether or not the account exists: the link is mailed in the background',
  })
  async requestPasswordReset(
    @Body() body: PasswordResetRequest,
    @CallerContext() context: CallContext,
  ): Promise<AcceptedResponse> {
    await this.passwords.requestReset(body, context);
    return accepted('If an account uses this address, a reset link is on its way.');
  }

  @Post('password-reset/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Password set; every session of the account is ended' })
  @ApiBadRequestResponse({
    type: ErrorBody,
    description: 'Invalid token or a password that breaks the rules',
  })
  async confirmPasswordReset(
    @Body() body: PasswordResetConfirmRequest,
    @CallerContext() context: CallContext,
  ): Promise<void> {
    await this.passwords.confirmReset(body, context);
  }

  @Post('password/change')
  @Roles(...ROLES)
  @ApiBearerAuth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Password changed; the account’s other sessions are ended' })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Wrong current password or a weak new one' })
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordRequest,
    @CallerContext() context: CallContext,
  ): Promise<void> {
    await this.passwords.change(principal, body, context);
  }
}

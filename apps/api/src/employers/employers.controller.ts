import { pageOf, type Page } from '@app/common';
import { EmployerRegistrations, Employers, EmployerVerification } from '@app/employers';
import type { CallContext, Principal } from '@app/identity';
import {
  Body,
  Controller,
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
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Public, Roles } from '../access/access.decorator';
import { CallerContext, CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { PageResponse } from '../openapi/pagination';
import {
  ChangeEmployerStatusRequest,
  ExcludeRegistrationNumberRequest,
  ExclusionsQuery,
  ListEmployersQuery,
  RegisterEmployerRequest,
} from './employers.requests';
import {
  EmployerRegistrationAcceptedResponse,
  EmployerResponse,
  ExclusionResponse,
} from './employers.responses';

@ApiTags('employers')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller()
export class EmployersController {
  constructor(
    private readonly employers: Employers,
    private readonly registrations: EmployerRegistrations,
    private readonly verification: EmployerVerification,
  ) {}

  @Public()
  @Post('employers')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Register an organisation; it stays pending until the NCP of its Member State verifies it. The contact person is told the next step by mail',
    description:
      'Answered 202 with the same body whether the organisation was registered or not: when the contact ' +
      'address already has an account, or the registration number is already registered in the Member ' +
      'State, nothing is registered and the contact address is told why by mail.',
  })
  @ApiAcceptedResponse({ type: EmployerRegistrationAcceptedResponse })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'REGISTRATION_NUMBER_EXCLUDED' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'MEMBER_STATE_NOT_PARTICIPATING, ENTITY_TYPE_NOT_ALLOWED',
  })
  async register(
    @Body() body: RegisterEmployerRequest,
    @CallerContext() context: CallContext,
  ): Promise<EmployerRegistrationAcceptedResponse> {
    await this.registrations.register(body, context);
    return {
      message:
        'Registration received. The contact person gets an email with the next step; the national contact point verifies the organisation.',
    };
  }

  @Roles('ncp', 'admin')
  @ApiBearerAuth()
  @Get('employers')
  @ApiOperation({ summary: 'Employers of a Member State (an NCP: its own)' })
  @ApiOkResponse({ type: PageResponse(EmployerResponse) })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListEmployersQuery,
  ): Promise<Page<EmployerResponse>> {
    const employers = await this.employers.list(principal, {
      memberState: query.memberState,
      status: query.status,
    });
    return pageOf(
      employers.map((employer) => EmployerResponse.from(employer)),
      query,
    );
  }

  @Roles('employer', 'ncp', 'admin')
  @ApiBearerAuth()
  @Get('employers/:id')
  @ApiOkResponse({ type: EmployerResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<EmployerResponse> {
    return EmployerResponse.from(await this.employers.getFor(principal, id));
  }

  @Roles('ncp')
  @ApiBearerAuth()
  @Post('employers/:id/status')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Verify, suspend, reinstate (verified) or remove an employer of the NCP’s own Member State',
  })
  @ApiOkResponse({ type: EmployerResponse })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'The employer belongs to another Member State' })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_EMPLOYER_TRANSITION' })
  async changeStatus(
    @CurrentPrincipal() ncp: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ChangeEmployerStatusRequest,
    @CallerContext() context: CallContext,
  ): Promise<EmployerResponse> {
    return EmployerResponse.from(
      await this.verification.transition(ncp, id, body.status, body.reason, context),
    );
  }

  @Roles('ncp')
  @ApiBearerAuth()
  @Post('employer-exclusions')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Exclude a registration number of the NCP’s own state after a breach' })
  @ApiCreatedResponse({ type: ExclusionResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'REGISTRATION_NUMBER_ALREADY_EXCLUDED' })
  async exclude(
    @CurrentPrincipal() ncp: Principal,
    @Body() body: ExcludeRegistrationNumberRequest,
    @CallerContext() context: CallContext,
  ): Promise<ExclusionResponse> {
    return ExclusionResponse.from(await this.verification.exclude(ncp, body, context));
  }

  @Roles('ncp')
  @ApiBearerAuth()
  @Get('employer-exclusions')
  @ApiOkResponse({ type: PageResponse(ExclusionResponse) })
  async listExclusions(
    @CurrentPrincipal() ncp: Principal,
    @Query() query: ExclusionsQuery,
  ): Promise<Page<ExclusionResponse>> {
    const exclusions = await this.verification.listExclusions(ncp, query.memberState);
    return pageOf(
      exclusions.map((row) => ExclusionResponse.from(row)),
      query,
    );
  }
}

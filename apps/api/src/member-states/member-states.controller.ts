import type { CallContext, Principal } from '@app/identity';
import { MemberStates } from '@app/member-states';
import { Body, Controller, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { CallerContext, CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { CountryCodePipe } from '../validation/country-code.pipe';
import { ChangeParticipationRequest } from './member-states.requests';
import { ParticipationResponse } from './member-states.responses';

@ApiTags('admin')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorBody })
@Roles('admin')
@Controller('admin/member-states')
export class MemberStatesAdminController {
  constructor(private readonly memberStates: MemberStates) {}

  @Put(':countryCode/participation')
  @ApiOperation({
    summary: 'Set a Member State’s participation (published at GET /reference/member-states)',
  })
  @ApiOkResponse({ type: ParticipationResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  async changeParticipation(
    @CurrentPrincipal() admin: Principal,
    @Param('countryCode', CountryCodePipe) countryCode: string,
    @Body() body: ChangeParticipationRequest,
    @CallerContext() context: CallContext,
  ): Promise<ParticipationResponse> {
    return ParticipationResponse.from(
      await this.memberStates.changeParticipation(admin, countryCode, body, context),
    );
  }
}

import { CandidateDuplicates } from '@app/candidates';
import { mapPage, type Page } from '@app/common';
import type { CallContext, Principal } from '@app/identity';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { CallerContext, CurrentPrincipal } from '../access/current-principal.decorator';
import { PageQuery, PageResponse } from '../openapi/pagination';
import { PossibleDuplicateGroupResponse, toDuplicateGroupResponse } from './responses/duplicates.response';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/candidates')
export class AdminCandidatesController {
  constructor(private readonly duplicates: CandidateDuplicates) {}

  @Get('possible-duplicates')
  @ApiOperation({
    summary: 'Candidate accounts flagged as possible duplicates',
    description:
      'Groups of candidates whose normalised (E.164) phone numbers are equal. The view is audited.',
  })
  @ApiOkResponse({ type: PageResponse(PossibleDuplicateGroupResponse) })
  async possibleDuplicates(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQuery,
    @CallerContext() context: CallContext,
  ): Promise<Page<PossibleDuplicateGroupResponse>> {
    const groups = await this.duplicates.listPossibleDuplicates(principal, context, query);
    return mapPage(groups, toDuplicateGroupResponse);
  }
}

import { AuditService } from '@app/audit';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { AuditEventPageResponse, toAuditEventPageResponse } from './audit-event.response';
import { ListAuditEventsRequest } from './list-audit-events.request';

const DEFAULT_PAGE_SIZE = 50;

/** Read-only by design: the audit log has no update or delete route, and the table refuses both. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOkResponse({ type: AuditEventPageResponse })
  async list(@Query() query: ListAuditEventsRequest): Promise<AuditEventPageResponse> {
    const page = await this.audit.list({
      actorAccountId: query.actorAccountId,
      action: query.action,
      targetType: query.targetType,
      targetId: query.targetId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      before: query.before,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
    });
    return toAuditEventPageResponse(page);
  }
}

import { AuditService } from '@app/audit';
import type { Page } from '@app/common';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorator';
import { PageResponse } from '../openapi/pagination';
import { AuditEventResponse, toAuditEventPageResponse } from './audit-event.response';
import { ListAuditEventsRequest } from './list-audit-events.request';

/** Read-only by design: the audit log has no update or delete route, and the table refuses both. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Audit events, newest first' })
  @ApiOkResponse({ type: PageResponse(AuditEventResponse) })
  async list(@Query() query: ListAuditEventsRequest): Promise<Page<AuditEventResponse>> {
    const page = await this.audit.list({
      actorAccountId: query.actorAccountId,
      action: query.action,
      targetType: query.targetType,
      targetId: query.targetId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      limit: query.limit,
      offset: query.offset,
    });
    return toAuditEventPageResponse(page);
  }
}

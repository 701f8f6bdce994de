import type { AuditEvent, AuditPage } from '@app/audit';
import { mapPage, type Page } from '@app/common';
import { ApiProperty } from '@nestjs/swagger';

export class AuditEventResponse {
  @ApiProperty({ example: '42' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorAccountId!: string | null;

  @ApiProperty({ example: 'admin', description: 'A role, or anonymous / system' })
  actorRole!: string;

  @ApiProperty({ example: 'account.ncp_created' })
  action!: string;

  @ApiProperty({ type: String, nullable: true, example: 'account' })
  targetType!: string | null;

  @ApiProperty({ type: String, nullable: true })
  targetId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  requestId!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;
}

export function toAuditEventResponse(event: AuditEvent): AuditEventResponse {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actorAccountId: event.actorAccountId,
    actorRole: event.actorRole,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    requestId: event.requestId,
    details: event.details,
  };
}

export function toAuditEventPageResponse(page: AuditPage): Page<AuditEventResponse> {
  return mapPage(page, toAuditEventResponse);
}

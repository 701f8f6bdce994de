import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import type { AuditEntry, AuditEvent, AuditPage, AuditQuery } from './audit.types';

/**
 * Writes audit events in the transaction of the action they record (so one never commits without
 * the other) and reads them back for administrators. There is deliberately no update or delete.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record must run inside the transaction of the action it records');
    }
    await this.insert(manager, entry);
  }

  /**
   * For an action that changes nothing (a search, a profile view): there is no transaction to join,
   * so the event is one statement of its own, committed before the caller sees any result.
   */
  async recordRead(entry: AuditEntry): Promise<void> {
    await this.insert(this.dataSource.manager, entry);
  }

  private async insert(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (actor_account_id, actor_role, action, target_type, target_id, request_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.actor.accountId,
        entry.actor.role,
        entry.action,
        entry.target?.type ?? null,
        entry.target?.id ?? null,
        entry.requestId ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  /** Every event whose actor or target is one of `subjectIds`, oldest first (for a data export). */
  async about(manager: EntityManager, subjectIds: readonly string[]): Promise<AuditEvent[]> {
    return manager
      .getRepository(AuditEventEntity)
      .createQueryBuilder('event')
      .where('event.actorAccountId IN (:...ids) OR event.targetId IN (:...ids)', { ids: [...subjectIds] })
      .orderBy('event.id', 'ASC')
      .getMany();
  }

  /** Newest first, ordered by id; an event recorded meanwhile moves older ones one offset on. */
  async list(query: AuditQuery): Promise<AuditPage> {
    const builder = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('event');
    if (query.actorAccountId)
      builder.andWhere('event.actorAccountId = :actor', { actor: query.actorAccountId });
    if (query.action) builder.andWhere('event.action = :action', { action: query.action });
    if (query.targetType)
      builder.andWhere('event.targetType = :targetType', { targetType: query.targetType });
    if (query.targetId) builder.andWhere('event.targetId = :targetId', { targetId: query.targetId });
    if (query.from) builder.andWhere('event.occurredAt >= :from', { from: query.from });
    if (query.to) builder.andWhere('event.occurredAt < :to', { to: query.to });
    const [items, total] = await builder
      .orderBy('event.id', 'DESC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items, total, limit: query.limit, offset: query.offset };
  }
}

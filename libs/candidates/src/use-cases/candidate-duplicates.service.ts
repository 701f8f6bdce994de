import { AuditService } from '@app/audit';
import { DomainError, type Page, type PageRequest } from '@app/common';
import { actorOf, type CallContext, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PossibleDuplicateGroup } from '../candidate.types';

/** Duplicate signals for administrators: candidate accounts sharing one normalised phone number. */
@Injectable()
export class CandidateDuplicates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listPossibleDuplicates(
    principal: Principal,
    context: CallContext,
    page: PageRequest,
  ): Promise<Page<PossibleDuplicateGroup>> {
    if (principal.role !== 'admin')
      throw new DomainError('forbidden', 'ADMINISTRATORS_ONLY', 'Only administrators see duplicate signals');
    return this.dataSource.transaction(async (manager) => {
      const rows: { phone: string; candidates: PossibleDuplicateGroup['candidates'] }[] = await manager.query(
        `SELECT phone_e164 AS phone,
                json_agg(json_build_object('candidateId', id, 'accountId', account_id,
                  'referenceCode', reference_code, 'createdAt', created_at) ORDER BY created_at) AS candidates
           FROM candidates
          WHERE phone_e164 IS NOT NULL
          GROUP BY phone_e164
         HAVING count(*) > 1
          ORDER BY min(created_at), phone_e164
          LIMIT $1 OFFSET $2`,
        [page.limit, page.offset],
      );
      const [{ total }] = await manager.query<{ total: number }[]>(
        `SELECT count(*)::int AS total
           FROM (SELECT 1 FROM candidates WHERE phone_e164 IS NOT NULL
                  GROUP BY phone_e164 HAVING count(*) > 1) groups`,
      );
      await this.audit.record(manager, {
        actor: actorOf(principal),
        action: 'candidate.duplicates_viewed',
        requestId: context.requestId,
        details: { groups: rows.length },
      });
      const items = rows.map((row) => ({
        phone: row.phone,
        candidates: row.candidates.map((candidate) => ({
          ...candidate,
          createdAt: new Date(candidate.createdAt),
        })),
      }));
      return { items, total, limit: page.limit, offset: page.offset };
    });
  }
}

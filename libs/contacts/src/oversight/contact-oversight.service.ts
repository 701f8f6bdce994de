import { AuditService } from '@app/audit';
import { EMPLOYER_ORGANISATIONS_SQL, Employers } from '@app/employers';
import {
  actorOf,
  assertOwnMemberState,
  NotOwnerError,
  type CallContext,
  type Principal,
} from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { EmployerContactRates } from '../contact.types';

interface RateRow {
  organisationId: string;
  legalName: string;
  memberState: string;
  requests: number;
  accepted: number;
  declined: number;
  pending: number;
  applications: number;
  suspensionReason: string | null;
}

/** NCPs (their state) and administrators watch how employers contact candidates, and can stop them. */
@Injectable()
export class ContactOversight {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employers: Employers,
    private readonly audit: AuditService,
  ) {}

  async rates(
    principal: Principal,
    filter: { memberState?: string; days: number },
  ): Promise<EmployerContactRates[]> {
    let memberState = filter.memberState?.toUpperCase() ?? null;
    if (principal.role === 'ncp') {
      memberState ??= principal.memberState;
      assertOwnMemberState(principal, memberState ?? '');
    } else if (principal.role !== 'admin') throw new NotOwnerError('Member State');
    const rows = await this.dataSource.query<RateRow[]>(
      `SELECT e.id AS "organisationId", e.name AS "legalName", e.country_code AS "memberState",
              count(*) FILTER (WHERE c.origin = 'request')::int AS requests,
              count(*) FILTER (WHERE c.origin = 'request' AND c.consent IN ('granted', 'withdrawn'))::int AS accepted,
              count(*) FILTER (WHERE c.origin = 'request' AND c.consent = 'declined')::int AS declined,
              count(*) FILTER (WHERE c.origin = 'request' AND c.consent = 'pending')::int AS pending,
              count(*) FILTER (WHERE c.origin = 'application')::int AS applications,
              s.reason AS "suspensionReason"
         FROM contacts c JOIN ${EMPLOYER_ORGANISATIONS_SQL} e ON e.id = c.organisation_id
         LEFT JOIN contact_suspensions s ON s.organisation_id = e.id
        WHERE c.created_at >= now() - make_interval(days => $1) AND ($2::text IS NULL OR e.country_code = $2)
        GROUP BY e.id, e.name, e.country_code, s.reason
        ORDER BY requests DESC, e.name LIMIT 500`,
      [filter.days, memberState],
    );
    return rows.map((row) => ({
      ...row,
      acceptanceRate:
        row.accepted + row.declined === 0
          ? null
          : Math.round((row.accepted / (row.accepted + row.declined)) * 1000) / 1000,
      contactingSuspended: row.suspensionReason !== null,
    }));
  }

  async suspend(
    principal: Principal,
    organisationId: string,
    reason: string,
    context: CallContext,
  ): Promise<void> {
    await this.assertMayGovern(principal, organisationId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO contact_suspensions (organisation_id, reason, suspended_by) VALUES ($1, $2, $3)
         ON CONFLICT (organisation_id) DO UPDATE SET reason = EXCLUDED.reason, suspended_by = EXCLUDED.suspended_by,
           suspended_at = now()`,
        [organisationId, reason, principal.accountId],
      );
      await this.audit.record(manager, {
        actor: actorOf(principal),
        action: 'contact.contacting_suspended',
        target: { type: 'employer_organisation', id: organisationId },
        requestId: context.requestId,
        details: { reason },
      });
    });
  }

  async lift(principal: Principal, organisationId: string, context: CallContext): Promise<void> {
    await this.assertMayGovern(principal, organisationId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM contact_suspensions WHERE organisation_id = $1', [organisationId]);
      await this.audit.record(manager, {
        actor: actorOf(principal),
        action: 'contact.contacting_reinstated',
        target: { type: 'employer_organisation', id: organisationId },
        requestId: context.requestId,
      });
    });
  }

  private async assertMayGovern(principal: Principal, organisationId: string): Promise<void> {
    const employer = await this.employers.getById(organisationId);
    if (principal.role !== 'admin') assertOwnMemberState(principal, employer.memberState);
  }
}

import { randomUUID } from 'node:crypto';
import { AuditService, SYSTEM_ACTOR } from '@app/audit';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { Accounts, actorOf, type CallContext, type Principal } from '@app/identity';
import { MailOutbox } from '@app/mail';
import { OutboxService } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  CandidateNotFoundError,
  InvalidLifecycleTransitionError,
  ProfileIncompleteError,
} from '../candidate.errors';
import type { CandidateProfile } from '../candidate.types';
import { expiredMail, expiryReminderMail } from '../candidate-mails';
import { completenessOf } from '../profile/completeness';
import { addMonths } from '../profile/iso-date';
import { CandidateIndexRequests } from '../search/candidate-index-requests.service';
import { CandidateRepository } from '../store/candidate.repository';
import { CandidateProfiles } from './candidate-profiles.service';

const BATCH = 500;

/**
 * draft → active → expired → (renewed) active. Activation and renewal start a new validity
 * period; the scheduled run expires what is past it and reminds those close to it, once each.
 */
@Injectable()
export class CandidateLifecycle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CandidateRepository,
    private readonly profiles: CandidateProfiles,
    private readonly indexRequests: CandidateIndexRequests,
    private readonly audit: AuditService,
    private readonly mail: MailOutbox,
    private readonly accounts: Accounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  activate(principal: Principal, context: CallContext): Promise<CandidateProfile> {
    return this.startValidity(principal, context, 'draft', 'candidate.activated');
  }

  /** One-click renewal of an active or expired profile. */
  renew(principal: Principal, context: CallContext): Promise<CandidateProfile> {
    return this.startValidity(principal, context, 'renewable', 'candidate.renewed');
  }

  /** Expires profiles past their validity and sends due reminders; safe to run concurrently and repeatedly. */
  async runScheduled(): Promise<{ expired: number; reminded: number }> {
    let expired = 0;
    let reminded = 0;
    for (let count = BATCH; count === BATCH; expired += count) count = await this.expireBatch();
    for (let count = BATCH; count === BATCH; reminded += count) count = await this.remindBatch();
    return { expired, reminded };
  }

  private async startValidity(
    principal: Principal,
    context: CallContext,
    from: 'draft' | 'renewable',
    action: 'candidate.activated' | 'candidate.renewed',
  ): Promise<CandidateProfile> {
    const { updated, sections } = await this.dataSource.transaction(async (manager) => {
      const row = await this.repository.findByAccount(manager, principal.accountId, { lock: 'update' });
      if (!row) throw new CandidateNotFoundError();
      const allowed = from === 'draft' ? row.status === 'draft' : row.status !== 'draft';
      if (!allowed)
        throw new InvalidLifecycleTransitionError(row.status, from === 'draft' ? 'active' : 'renewed');
      const sections = (await this.repository.sectionsOf(manager, [row])).get(row.id)!;
      const completeness = completenessOf(sections);
      if (!completeness.readyForActivation) {
        throw new ProfileIncompleteError(
          completeness.missing.filter((entry) => entry.requiredForActivation).map((entry) => entry.item),
        );
      }
      const now = new Date();
      const expiresAt = addMonths(now, this.config.candidates.profileValidityMonths);
      await manager.query(
        `UPDATE candidates SET status = 'active', activated_at = coalesce(activated_at, $2), expires_at = $3,
           expiry_reminder_sent_at = NULL, updated_at = now() WHERE id = $1`,
        [row.id, now, expiresAt],
      );
      await this.audit.record(manager, {
        actor: actorOf(principal),
        action,
        target: { type: 'candidate', id: row.id },
        requestId: context.requestId,
        details: { expiresAt: expiresAt.toISOString() },
      });
      await this.indexRequests.candidateChanged(manager, row);
      if (action === 'candidate.renewed') {
        await this.outbox.add(manager, 'events.dispatch', {
          type: 'candidate.renewed',
          eventId: randomUUID(),
          candidateId: row.id,
          referenceCode: row.referenceCode,
        });
      }
      return { updated: (await this.repository.findByAccount(manager, principal.accountId))!, sections };
    });
    // After the commit: the profile's eligibility flag reads the pool, never beside an open
    // transaction. Only the row changed, so the sections read above still hold.
    return this.profiles.toProfile(this.dataSource.manager, updated, sections);
  }

  private expireBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // UPDATE … RETURNING answers [rows, affected count] through TypeORM.
      const [rows]: [{ id: string; referenceCode: string; accountId: string }[], number] =
        await manager.query(
          `UPDATE candidates SET status = 'expired', updated_at = now()
          WHERE id IN (SELECT id FROM candidates WHERE status = 'active' AND expires_at <= now()
                        ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id, reference_code AS "referenceCode", account_id AS "accountId"`,
          [BATCH],
        );
      const emails = await this.accounts.emailsOf(
        manager,
        rows.map((row) => row.accountId),
      );
      for (const row of rows) {
        await this.indexRequests.candidateChanged(manager, row);
        await this.audit.record(manager, {
          actor: SYSTEM_ACTOR,
          action: 'candidate.expired',
          target: { type: 'candidate', id: row.id },
        });
        const email = emails.get(row.accountId);
        if (email) await this.mail.queue(manager, expiredMail(email, this.renewLink()));
      }
      return rows.length;
    });
  }

  private remindBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const [rows]: [{ id: string; accountId: string; expiresAt: Date }[], number] = await manager.query(
        `UPDATE candidates SET expiry_reminder_sent_at = now()
          WHERE id IN (SELECT id FROM candidates
                        WHERE status = 'active' AND expiry_reminder_sent_at IS NULL
                          AND expires_at <= now() + make_interval(days => $1)
                        ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING id, account_id AS "accountId", expires_at AS "expiresAt"`,
        [this.config.candidates.expiryReminderDays, BATCH],
      );
      const emails = await this.accounts.emailsOf(
        manager,
        rows.map((row) => row.accountId),
      );
      for (const row of rows) {
        const email = emails.get(row.accountId);
        if (email) await this.mail.queue(manager, expiryReminderMail(email, row.expiresAt, this.renewLink()));
        await this.outbox.add(manager, 'events.dispatch', {
          type: 'candidate.expiry_reminder',
          eventId: randomUUID(),
          accountId: row.accountId,
          expiresAt: row.expiresAt.toISOString(),
        });
      }
      return rows.length;
    });
  }

  private renewLink(): string {
    return `${this.config.mail.publicUrl}/candidate/profile/renew`;
  }
}

import { AuditService, type AuditEvent } from '@app/audit';
import { Accounts, actorOf, type AccountView, type CallContext, type Principal } from '@app/identity';
import { MailOutbox } from '@app/mail';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CandidateProfile } from '../candidate.types';
import { CandidateIndexRequests } from '../search/candidate-index-requests.service';
import { CandidateIndexer } from '../search/candidate-indexer.service';
import { CandidateRepository } from '../store/candidate.repository';
import { CandidateProfiles } from './candidate-profiles.service';
import { PersonalDataSections } from './personal-data-sections';

export interface PersonalDataExport {
  format: 'eu-talent-pool.personal-data-export';
  version: 1;
  exportedAt: string;
  account: AccountView;
  candidate: CandidateProfile | null;
  /** Audit entries naming the account or the candidate profile, oldest first. */
  auditEvents: AuditEvent[];
  matches: unknown[];
  contactRequests: unknown[];
  [section: string]: unknown;
}

/** The candidate's rights of access (export) and erasure. */
@Injectable()
export class CandidatePrivacy {
  private readonly logger = new Logger(CandidatePrivacy.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CandidateRepository,
    private readonly profiles: CandidateProfiles,
    private readonly accounts: Accounts,
    private readonly audit: AuditService,
    private readonly mail: MailOutbox,
    private readonly indexRequests: CandidateIndexRequests,
    private readonly indexer: CandidateIndexer,
    private readonly sections: PersonalDataSections,
  ) {}

  async export(principal: Principal, context: CallContext): Promise<PersonalDataExport> {
    const account = await this.accounts.getById(principal, principal.accountId);
    // One snapshot, read on the transaction's own connection; the profile's eligibility flag
    // (current partner-country statuses, read through the pool) is added after the commit.
    const { row, sections, exported } = await this.dataSource.transaction(
      'REPEATABLE READ',
      async (manager) => {
        const row = await this.repository.findByAccount(manager, account.id);
        const sections = row ? (await this.repository.sectionsOf(manager, [row])).get(row.id)! : null;
        const auditEvents = await this.audit.about(manager, row ? [account.id, row.id] : [account.id]);
        const extra = await this.sections.collect(manager, {
          accountId: account.id,
          candidateId: row?.id ?? null,
        });
        await this.audit.record(manager, {
          actor: actorOf(principal),
          action: 'candidate.data_exported',
          target: { type: 'account', id: account.id },
          requestId: context.requestId,
        });
        return { row, sections, exported: { auditEvents, extra } };
      },
    );
    const { auditEvents, extra } = exported;
    return {
      format: 'eu-talent-pool.personal-data-export',
      version: 1,
      exportedAt: new Date().toISOString(),
      account,
      candidate: row ? await this.profiles.toProfile(this.dataSource.manager, row, sections!) : null,
      auditEvents,
      ...extra,
      matches: extra.matches ?? [],
      contactRequests: extra.contactRequests ?? [],
    };
  }

  /**
   * Erases the caller's account and profile: rows deleted, stored mail to the address deleted,
   * audit rows that name them anonymised, and the search document removed before answering.
   */
  async erase(principal: Principal, context: CallContext): Promise<void> {
    const erased = await this.dataSource.transaction(async (manager) => {
      const row = await this.repository.findByAccount(manager, principal.accountId, { lock: 'delete' });
      if (row)
        await this.sections.beforeErasure(manager, { accountId: principal.accountId, candidateId: row.id });
      const email = await this.accounts.erase(manager, principal.accountId);
      if (email) await this.mail.forgetRecipient(manager, email);
      let anonymised = 0;
      for (const subject of [principal.accountId, row?.id]) {
        if (!subject) continue;
        const [result]: { erase_audit_subject: number }[] = await manager.query(
          'SELECT erase_audit_subject($1::uuid)',
          [subject],
        );
        anonymised += result.erase_audit_subject;
      }
      if (row) await this.indexRequests.candidateChanged(manager, row);
      await this.audit.record(manager, {
        actor: { accountId: null, role: principal.role },
        action: 'candidate.erased',
        requestId: context.requestId,
        details: { anonymisedAuditEvents: anonymised, hadProfile: row !== null },
      });
      return row;
    });
    if (!erased) return;
    // Immediate removal from search; if Meilisearch is unreachable the outbox job retries it.
    try {
      await this.indexer.remove([erased.referenceCode]);
    } catch (error) {
      this.logger.warn(`Search removal deferred to the outbox job: ${(error as Error).message}`);
    }
  }
}

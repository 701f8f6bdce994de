import { AuditService, SYSTEM_ACTOR, type AuditActor } from '@app/audit';
import { CandidateCountryImpact, CandidateIndexRequests } from '@app/candidates';
import { isoDay } from '@app/common';
import { actorOf, type CallContext, type Principal } from '@app/identity';
import { MailOutbox } from '@app/mail';
import { CountryMatchImpact } from '@app/matching';
import { PartnerCountries, type PartnerCountryStatus } from '@app/partner-countries';
import { OutboxService } from '@app/queue';
import { COUNTRIES_SQL, isEuMemberState } from '@app/reference-data';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { visibilityChange, type VisibilityChange } from './country-impact';
import { NotAThirdCountryError } from './partner-country-administration.errors';
import type {
  AppliedCountryChange,
  CountryImpactPreview,
  MatchesImpact,
  StatusChangeInput,
  StatusChangeResult,
  StatusHistoryEntry,
} from './partner-country-administration.types';
import { countryRestoredMail, countrySuspendedMail } from './partner-country-mails';

/**
 * Partner-country eligibility as dated, audited policy. Setting a status records a new history row;
 * once it is effective, its consequences are applied exactly once: the country's candidates are
 * re-indexed (a suspension hides them, a lifting restores them) and the affected ones are told why.
 * The preview computes the same figures without changing anything.
 */
@Injectable()
export class PartnerCountryAdministration {
  private readonly logger = new Logger(PartnerCountryAdministration.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly partnerCountries: PartnerCountries,
    private readonly impact: CandidateCountryImpact,
    private readonly indexRequests: CandidateIndexRequests,
    private readonly mail: MailOutbox,
    private readonly audit: AuditService,
    private readonly matchImpact: CountryMatchImpact,
    private readonly outbox: OutboxService,
  ) {}

  async preview(
    countryCode: string,
    input: Omit<StatusChangeInput, 'reason'>,
  ): Promise<CountryImpactPreview> {
    const code = countryCode.toUpperCase();
    await this.countryName(this.dataSource.manager, code);
    const current = (await this.partnerCountries.statusOn(code, input.effectiveFrom)).status;
    const visibility = visibilityChange(current, input.status);
    const { activeCandidates } = await this.impact.countActiveAffected(code);
    return {
      countryCode: code,
      currentStatus: current,
      proposedStatus: input.status,
      effectiveFrom: input.effectiveFrom,
      visibility,
      activeProfiles: activeCandidates,
      profilesAffected: visibility === 'none' ? 0 : activeCandidates,
      matches: await this.matchesImpact(code, visibility),
    };
  }

  private async matchesImpact(code: string, visibility: VisibilityChange): Promise<MatchesImpact> {
    switch (visibility) {
      case 'hidden': {
        const stored = await this.matchImpact.stored(code);
        return { effect: 'removed', computed: true, affected: stored.matches, candidates: stored.candidates };
      }
      case 'restored':
        return {
          effect: 'restored',
          computed: false,
          affected: null,
          candidates: await this.matchImpact.returning(code),
          reason: 'Matches are computed when the returning candidates are re-matched',
        };
      case 'none':
        return { effect: 'none', computed: true, affected: 0, candidates: 0 };
    }
  }

  async setStatus(
    admin: Principal,
    countryCode: string,
    input: StatusChangeInput,
    context: CallContext,
  ): Promise<StatusChangeResult> {
    const code = countryCode.toUpperCase();
    return this.dataSource.transaction(async (manager) => {
      await this.countryName(manager, code);
      // The baseline is what applies before this change, so its effect is measured against it.
      const baseline = await this.partnerCountries.statusOn(code, isoDay(), manager);
      await this.ensureApplied(manager, code, baseline.status);
      await this.partnerCountries.record(manager, {
        countryCode: code,
        status: input.status,
        effectiveFrom: input.effectiveFrom,
        reason: input.reason,
        recordedBy: admin.accountId,
      });
      await this.audit.record(manager, {
        actor: actorOf(admin),
        action: 'partner_country.status_set',
        target: { type: 'partner_country', id: code },
        requestId: context.requestId,
        details: { status: input.status, effectiveFrom: input.effectiveFrom, reason: input.reason },
      });
      const applied =
        input.effectiveFrom <= isoDay()
          ? await this.applyWithin(manager, code, actorOf(admin), context.requestId)
          : null;
      return {
        countryCode: code,
        status: input.status,
        effectiveFrom: input.effectiveFrom,
        reason: input.reason,
        applied,
      };
    });
  }

  /** Applies every status that has become effective since it was last applied (scheduled job). */
  async applyDue(): Promise<AppliedCountryChange[]> {
    const applied: AppliedCountryChange[] = [];
    for (const code of await this.partnerCountries.countriesWithStatusOn(isoDay())) {
      const change = await this.dataSource.transaction((manager) =>
        this.applyWithin(manager, code, SYSTEM_ACTOR),
      );
      if (change) applied.push(change);
    }
    if (applied.length > 0) this.logger.log(`Applied partner-country status changes: ${applied.length}`);
    return applied;
  }

  async history(countryCode: string): Promise<StatusHistoryEntry[]> {
    const code = countryCode.toUpperCase();
    await this.countryName(this.dataSource.manager, code);
    return this.partnerCountries.history(code);
  }

  private async applyWithin(
    manager: EntityManager,
    code: string,
    actor: AuditActor,
    requestId?: string,
  ): Promise<AppliedCountryChange | null> {
    const current = await this.partnerCountries.statusOn(code, isoDay(), manager);
    const after = current.status;
    // A country seen for the first time: search already reflects its current status.
    if (await this.ensureApplied(manager, code, after)) return null;
    const [{ status: before }] = await manager.query<{ status: PartnerCountryStatus }[]>(
      'SELECT status FROM partner_country_applied_statuses WHERE country_code = $1 FOR UPDATE',
      [code],
    );
    if (before === after) return null;
    const visibility = visibilityChange(before, after);
    let profilesAffected = 0;
    let candidatesNotified = 0;
    if (visibility !== 'none') {
      profilesAffected = (await this.impact.countActiveAffected(code, manager)).activeCandidates;
      const name = await this.countryName(manager, code);
      const recipients = await this.impact.activeAffectedAddresses(code, manager);
      for (const email of recipients) {
        await this.mail.queue(
          manager,
          visibility === 'hidden'
            ? countrySuspendedMail(email, name, current.reason ?? 'not given')
            : countryRestoredMail(email, name),
        );
      }
      candidatesNotified = recipients.length;
      await this.outbox.add(manager, 'events.dispatch', {
        type: 'partner_country.status_applied',
        eventId: randomUUID(),
        countryCode: code,
        status: after,
        visibility,
      });
    }
    await this.indexRequests.countryChanged(manager, code);
    await manager.query(
      'UPDATE partner_country_applied_statuses SET status = $2, applied_at = now() WHERE country_code = $1',
      [code, after],
    );
    const change = { countryCode: code, before, after, visibility, profilesAffected, candidatesNotified };
    await this.audit.record(manager, {
      actor,
      action: 'partner_country.status_applied',
      target: { type: 'partner_country', id: code },
      requestId,
      details: { before, after, visibility, profilesAffected, candidatesNotified },
    });
    return change;
  }

  /** Records a baseline when the country has none; true when it did. */
  private async ensureApplied(
    manager: EntityManager,
    code: string,
    status: PartnerCountryStatus,
  ): Promise<boolean> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO partner_country_applied_statuses (country_code, status) VALUES ($1, $2)
       ON CONFLICT (country_code) DO NOTHING RETURNING country_code`,
      [code, status],
    );
    return inserted.length > 0;
  }

  private async countryName(manager: EntityManager, code: string): Promise<string> {
    const [country] = await manager.query<{ name: string }[]>(
      `SELECT name FROM ${COUNTRIES_SQL} c WHERE alpha2 = $1`,
      [code],
    );
    if (!country || isEuMemberState(code)) throw new NotAThirdCountryError(code);
    return country.name;
  }
}

import { randomUUID } from 'node:crypto';
import { AuditService, SYSTEM_ACTOR } from '@app/audit';
import { isoDay } from '@app/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { Employers } from '@app/employers';
import { actorOf, assertOwnOrganisation, type CallContext, type Principal } from '@app/identity';
import { MemberStates } from '@app/member-states';
import { OutboxService } from '@app/queue';
import { ShortageLists, type ShortageCheck } from '@app/shortage-occupations';
import { TaxonomyLookup } from '@app/taxonomy';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  InvalidVacancyTransitionError,
  OccupationNotInShortageError,
  VacancyNotEditableError,
  VacancyNotFoundError,
} from './vacancies.errors';
import { Vacancies } from './vacancies.service';
import type { VacancyInput, VacancyView } from './vacancies.types';
import { changedFields, isSubstantive } from './versions/vacancy-changes';
import { VacancyVersions } from './versions/vacancy-versions.service';
import { canMove, expiryOf, type VacancyStatus } from './vacancy-status';
import { VACANCY_WRITE_LOCK, VacancyEntity } from './vacancy.entity';
import { toVacancyView } from './vacancy.mapper';

const EXPIRY_BATCH = 500;

/**
 * Publication, closing and expiry. Publishing needs a verified employer in a participating state
 * and an occupation in shortage at the place of work that day, unless the vacancy is flagged as
 * contributing to EU competitiveness with a justification. Every change re-syncs the search index.
 */
@Injectable()
export class VacancyPublication {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly employers: Employers,
    private readonly memberStates: MemberStates,
    private readonly shortages: ShortageLists,
    private readonly taxonomy: TaxonomyLookup,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly vacancies: Vacancies,
    private readonly versions: VacancyVersions,
  ) {}

  /**
   * The publication rules read employers, participation, the taxonomy and shortage lists through
   * their owners' pooled services, so they are checked before the transaction opens; the locked row
   * must still say what was checked, or the rules are checked again.
   */
  async publish(principal: Principal, id: string, context: CallContext): Promise<VacancyView> {
    for (;;) {
      const checked = await this.ownVacancy(this.dataSource.manager, principal, id, 'published');
      const shortage = await this.publicationBasis(checked);
      const employer = await this.employers.getById(checked.organisationId);
      const published = await this.dataSource.transaction(async (manager) => {
        const vacancy = await this.ownVacancy(manager, principal, id, 'published', { lock: true });
        if (!sameBasis(vacancy, checked)) return null;
        const publishedAt = new Date();
        const expiresAt = expiryOf(publishedAt, this.config.vacancies.validityMonths);
        await manager.update(VacancyEntity, { id }, { status: 'published', publishedAt, expiresAt });
        await this.versions.record(
          manager,
          await manager.findOneByOrFail(VacancyEntity, { id }),
          employer.legalName,
          {
            changedFields: [],
            substantive: false,
            changedBy: principal.accountId,
          },
        );
        await this.recorded(manager, actorOf(principal), 'vacancy.published', vacancy, context, {
          basis: shortage.inShortage ? 'shortage_list' : 'eu_competitiveness',
          shortageEntryId: shortage.entry?.entryId ?? null,
          expiresAt: expiresAt.toISOString(),
        });
        return this.view(manager, id, employer.legalName);
      });
      if (published) return published;
    }
  }

  /**
   * Replaces a draft, or edits a published vacancy. A published vacancy changed in a substantive
   * field (occupation, place of work, skills…) must pass the publication rule again, as on the day
   * of the edit; every edit of a published vacancy is kept as its next version, audited, and
   * re-indexed and re-matched through the outbox. Like publishing, the rule is checked before the
   * transaction and the locked row must still be the one checked.
   */
  async edit(
    principal: Principal,
    id: string,
    input: VacancyInput,
    context: CallContext,
  ): Promise<VacancyView> {
    for (;;) {
      const checked = await this.editableVacancy(this.dataSource.manager, principal, id);
      if (checked.status === 'draft') return this.vacancies.updateDraft(principal, id, input);
      const fields = await this.vacancies.fieldsFor(checked.organisationId, input);
      const changed = changedFields(checked, fields);
      const substantive = isSubstantive(changed);
      const shortage = substantive ? await this.publicationBasis({ ...checked, ...fields }) : null;
      const employer = await this.employers.getById(checked.organisationId);
      if (changed.length === 0) return toVacancyView(checked, employer.legalName);
      const edited = await this.dataSource.transaction(async (manager) => {
        const vacancy = await this.editableVacancy(manager, principal, id, { lock: true });
        if (vacancy.updatedAt.getTime() !== checked.updatedAt.getTime()) return null;
        await this.versions.ensureOriginal(manager, vacancy, employer.legalName);
        await manager.update(VacancyEntity, { id }, fields);
        const after = await manager.findOneByOrFail(VacancyEntity, { id });
        const version = await this.versions.record(manager, after, employer.legalName, {
          changedFields: changed,
          substantive,
          changedBy: principal.accountId,
        });
        await this.recorded(manager, actorOf(principal), 'vacancy.edited', after, context, {
          version,
          changedFields: changed,
          substantive,
          basis: shortage && (shortage.inShortage ? 'shortage_list' : 'eu_competitiveness'),
        });
        return toVacancyView(after, employer.legalName);
      });
      if (edited) return edited;
    }
  }

  private async editableVacancy(
    manager: EntityManager,
    principal: Principal,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<VacancyEntity> {
    const vacancy = await this.organisationVacancy(manager, principal, id, options);
    if (vacancy.status !== 'draft' && vacancy.status !== 'published')
      throw new VacancyNotEditableError(vacancy.status);
    return vacancy;
  }

  /** The vacancy, if it is the caller's organisation's; locked for the transaction when asked. */
  private async organisationVacancy(
    manager: EntityManager,
    principal: Principal,
    id: string,
    { lock = false } = {},
  ): Promise<VacancyEntity> {
    const vacancy = await manager.findOne(VacancyEntity, {
      where: { id },
      ...(lock ? { lock: VACANCY_WRITE_LOCK } : {}),
    });
    if (!vacancy) throw new VacancyNotFoundError(id);
    assertOwnOrganisation(principal, vacancy.organisationId);
    return vacancy;
  }

  private async publicationBasis(vacancy: VacancyEntity): Promise<ShortageCheck> {
    await this.employers.assertVerified(vacancy.organisationId);
    const today = isoDay();
    await this.memberStates.assertParticipatesOn(vacancy.memberState, today);
    const occupation = await this.taxonomy.getOccupation(vacancy.occupationUri);
    const shortage = await this.shortages.checkOccupation(
      { uri: occupation.uri, iscoCode: occupation.iscoCode },
      vacancy.memberState,
      today,
    );
    if (!shortage.inShortage && !vacancy.contributesToCompetitiveness)
      throw new OccupationNotInShortageError(vacancy.occupationUri, vacancy.memberState, today);
    return shortage;
  }

  async close(principal: Principal, id: string, context: CallContext): Promise<VacancyView> {
    const current = await this.ownVacancy(this.dataSource.manager, principal, id, 'closed');
    const employer = await this.employers.getById(current.organisationId);
    return this.dataSource.transaction(async (manager) => {
      const vacancy = await this.ownVacancy(manager, principal, id, 'closed', { lock: true });
      await manager.update(VacancyEntity, { id }, { status: 'closed', closedAt: new Date() });
      await this.recorded(manager, actorOf(principal), 'vacancy.closed', vacancy, context, {
        from: vacancy.status,
      });
      return this.view(manager, id, employer.legalName);
    });
  }

  /** Expires published vacancies past their date, in batches; returns how many. */
  async expireDue(now: Date = new Date()): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.dataSource.transaction(async (manager) => {
        const due = await manager.query<{ id: string }[]>(
          `SELECT id FROM vacancies WHERE status = 'published' AND expires_at <= $1
            ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [now, EXPIRY_BATCH],
        );
        for (const { id } of due) {
          await manager.update(VacancyEntity, { id }, { status: 'expired' });
          await this.audit.record(manager, {
            actor: SYSTEM_ACTOR,
            action: 'vacancy.expired',
            target: { type: 'vacancy', id },
          });
          await this.outbox.add(manager, 'vacancies.sync', { vacancyId: id });
        }
        return due.length;
      });
      total += expired;
      if (expired < EXPIRY_BATCH) return total;
    }
  }

  private async ownVacancy(
    manager: EntityManager,
    principal: Principal,
    id: string,
    to: VacancyStatus,
    options: { lock?: boolean } = {},
  ): Promise<VacancyEntity> {
    const vacancy = await this.organisationVacancy(manager, principal, id, options);
    if (!canMove(vacancy.status, to)) throw new InvalidVacancyTransitionError(vacancy.status, to);
    return vacancy;
  }

  private async recorded(
    manager: EntityManager,
    actor: ReturnType<typeof actorOf>,
    action: string,
    vacancy: VacancyEntity,
    context: CallContext,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(manager, {
      actor,
      action,
      target: { type: 'vacancy', id: vacancy.id },
      requestId: context.requestId,
      details: { organisationId: vacancy.organisationId, memberState: vacancy.memberState, ...details },
    });
    await this.outbox.add(manager, 'vacancies.sync', { vacancyId: vacancy.id });
    if (action === 'vacancy.published' || action === 'vacancy.closed') {
      await this.outbox.add(manager, 'events.dispatch', {
        type: action,
        eventId: randomUUID(),
        vacancyId: vacancy.id,
        organisationId: vacancy.organisationId,
      });
    }
  }

  private async view(manager: EntityManager, id: string, employerName: string): Promise<VacancyView> {
    const vacancy = await manager.findOneByOrFail(VacancyEntity, { id });
    return toVacancyView(vacancy, employerName);
  }
}

/** Whether the locked row still says what the publication rules were checked against. */
function sameBasis(locked: VacancyEntity, checked: VacancyEntity): boolean {
  return (
    locked.status === checked.status &&
    locked.organisationId === checked.organisationId &&
    locked.memberState === checked.memberState &&
    locked.occupationUri === checked.occupationUri &&
    locked.contributesToCompetitiveness === checked.contributesToCompetitiveness
  );
}

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
  VacancyNotFoundError,
} from './vacancies.errors';
import type { VacancyView } from './vacancies.types';
import { canMove, expiryOf, type VacancyStatus } from './vacancy-status';
import { VacancyEntity } from './vacancy.entity';
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
    { lock = false } = {},
  ): Promise<VacancyEntity> {
    const vacancy = await manager.findOne(VacancyEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!vacancy) throw new VacancyNotFoundError(id);
    assertOwnOrganisation(principal, vacancy.organisationId);
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

import { AuditService } from '@app/audit';
import { pageOf, type Page, type PageRequest } from '@app/common';
import { actorOf, type CallContext, type Principal } from '@app/identity';
import type { TaxonomyLanguage } from '@app/taxonomy';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { mayDisclose } from '../consent/disclosure';
import type { EmployerContactView } from '../contact.types';
import { ContactNotFoundError, InvalidStageTransitionError } from '../contacts.errors';
import { ContactNotifier } from '../mail/contact-notifier.service';
import { canEmployerMove, stageLabel, type EmployerStage } from '../pipeline/stages';
import { ContactRepository, type ContactRow } from '../store/contact.repository';
import { auditStep } from './contact-audit';
import { ContactParties, type VacancyFacts } from './contact-parties.service';
import { EmployerContactViews } from './employer-contact-views.service';

/**
 * A vacancy's applications and requests as its organisation sees them, and the stages it sets.
 * Every read that shows an identity is audited with the candidates it showed.
 */
@Injectable()
export class EmployerPipeline {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parties: ContactParties,
    private readonly contacts: ContactRepository,
    private readonly views: EmployerContactViews,
    private readonly notifier: ContactNotifier,
    private readonly audit: AuditService,
  ) {}

  async list(
    principal: Principal,
    vacancyId: string,
    language: TaxonomyLanguage,
    page: PageRequest,
    context: CallContext,
  ): Promise<Page<EmployerContactView>> {
    const manager = this.dataSource.manager;
    const vacancy = await this.parties.ownVacancy(manager, principal, vacancyId);
    // Only the window is viewed, so only its disclosed identities are audited.
    const window = pageOf(await this.contacts.listByVacancy(manager, vacancy.id), page);
    const rows = window.items;
    const views: EmployerContactView[] = [];
    for (const row of rows)
      views.push(
        await this.views.view(
          manager,
          principal,
          row,
          await this.parties.profileById(row.candidateId),
          language,
        ),
      );
    await this.audit.recordRead({
      actor: actorOf(principal),
      action: 'contact.pipeline_viewed',
      target: { type: 'vacancy', id: vacancy.id },
      requestId: context.requestId,
      details: {
        organisationId: vacancy.organisationId,
        identitiesShownOf: rows.filter((row) => mayDisclose(row, principal)).map((row) => row.candidateId),
      },
    });
    return { ...window, items: views };
  }

  async get(
    principal: Principal,
    vacancyId: string,
    referenceCode: string,
    language: TaxonomyLanguage,
    context: CallContext,
  ): Promise<EmployerContactView> {
    const manager = this.dataSource.manager;
    const { contact, profile } = await this.pair(manager, principal, vacancyId, referenceCode);
    const view = await this.views.view(manager, principal, contact, profile, language);
    await this.audit.recordRead({
      actor: actorOf(principal),
      action: 'contact.candidate_viewed',
      target: { type: 'contact', id: contact.id },
      requestId: context.requestId,
      details: {
        vacancyId: contact.vacancyId,
        organisationId: contact.organisationId,
        candidateId: contact.candidateId,
        identityShown: view.identity !== null,
      },
    });
    return view;
  }

  async setStage(
    principal: Principal,
    vacancyId: string,
    referenceCode: string,
    stage: EmployerStage,
    language: TaxonomyLanguage,
    context: CallContext,
  ): Promise<EmployerContactView> {
    return this.dataSource.transaction(async (manager) => {
      const { contact, profile, vacancy } = await this.pair(
        manager,
        principal,
        vacancyId,
        referenceCode,
        true,
      );
      if (!mayDisclose(contact, principal) || !canEmployerMove(contact.stage, stage))
        throw new InvalidStageTransitionError(contact.stage, stage);
      await this.contacts.update(manager, contact.id, { stage });
      if (stage === 'hired') await this.recordPlacement(manager, contact, vacancy, profile.residenceCountry);
      await auditStep(this.audit, manager, actorOf(principal), 'contact.stage_changed', contact, context, {
        from: contact.stage,
        to: stage,
      });
      const updated = (await this.contacts.findById(manager, contact.id))!;
      await this.notifier.toCandidate(
        manager,
        'stage_changed',
        { contact: updated, vacancy, candidate: profile },
        stageLabel(stage, 'candidate', updated.candidateLanguage),
      );
      return this.views.view(manager, principal, updated, profile, language);
    });
  }

  /** The organisation's own vacancy and the pair with this candidate, which must exist. */
  async pair(
    manager: EntityManager,
    principal: Principal,
    vacancyId: string,
    referenceCode: string,
    lock = false,
  ) {
    const vacancy = await this.parties.ownVacancy(manager, principal, vacancyId);
    const profile = await this.parties.profileByReferenceCode(referenceCode);
    const contact = profile && (await this.contacts.findPair(manager, vacancy.id, profile.id, lock));
    if (!profile || !contact) throw new ContactNotFoundError();
    return { vacancy, profile, contact };
  }

  private async recordPlacement(
    manager: EntityManager,
    contact: ContactRow,
    vacancy: VacancyFacts,
    residenceCountry: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO placements (contact_id, occupation_uri, member_state, residence_country)
       VALUES ($1, $2, $3, $4) ON CONFLICT (contact_id) DO NOTHING`,
      [contact.id, vacancy.occupationUri, vacancy.memberState, residenceCountry],
    );
  }
}

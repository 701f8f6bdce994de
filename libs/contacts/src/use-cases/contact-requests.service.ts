import { AuditService } from '@app/audit';
import type { CandidateProfile } from '@app/candidates';
import { actorOf, type CallContext, type Principal } from '@app/identity';
import type { TaxonomyLanguage } from '@app/taxonomy';
import type { ReaderLanguage } from '@app/vacancies';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ConsentReceipts } from '../consent/consent-receipts.service';
import { CONSENT_TEXT_VERSION, consentTerms, disclosedFields } from '../consent/consent-terms';
import type { CandidateContactView, EmployerContactView, ShareChoice } from '../contact.types';
import {
  CandidateNotContactableError,
  ConsentTextOutdatedError,
  ContactExistsError,
  ContactNotFoundError,
  InvalidConsentTransitionError,
} from '../contacts.errors';
import { ContactNotifier } from '../mail/contact-notifier.service';
import { ContactRepository, type ContactRow } from '../store/contact.repository';
import { auditStep } from './contact-audit';
import { CandidateContactViews } from './candidate-contact-views.service';
import { ContactLimits } from './contact-limits.service';
import { ContactParties } from './contact-parties.service';
import { EmployerContactViews } from './employer-contact-views.service';

export interface ContactRequestInput {
  referenceCode: string;
  message: string;
  language?: ReaderLanguage;
}

export interface AcceptInput extends ShareChoice {
  consentVersion: string;
  language?: ReaderLanguage;
}

/** An organisation asks a candidate, about one of its open vacancies; the candidate answers. */
@Injectable()
export class ContactRequests {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parties: ContactParties,
    private readonly contacts: ContactRepository,
    private readonly limits: ContactLimits,
    private readonly receipts: ConsentReceipts,
    private readonly notifier: ContactNotifier,
    private readonly audit: AuditService,
    private readonly employerViews: EmployerContactViews,
    private readonly candidateViews: CandidateContactViews,
  ) {}

  async request(
    principal: Principal,
    vacancyId: string,
    input: ContactRequestInput,
    context: CallContext,
  ): Promise<EmployerContactView> {
    const language = input.language ?? 'en';
    return this.dataSource.transaction(async (manager) => {
      const vacancy = await this.parties.ownVacancy(manager, principal, vacancyId);
      await this.limits.assertNotSuspended(manager, vacancy.organisationId);
      await this.parties.assertOpen(vacancy.id);
      const profile = await this.parties.profileByReferenceCode(input.referenceCode);
      if (!profile || !profile.visibility.searchable) throw new CandidateNotContactableError();
      const existing = await this.contacts.findPair(manager, vacancy.id, profile.id, true);
      if (existing?.consent === 'pending' || existing?.consent === 'granted')
        throw new ContactExistsError(existing.consent);
      if (existing) this.limits.assertNotCoolingDown(existing);
      await this.limits.assertRequestAllowed(manager, vacancy.organisationId);
      const changes = {
        origin: 'request' as const,
        consent: 'pending' as const,
        sharedFields: [],
        stage: 'contacted' as const,
        openingMessage: input.message,
        requestedBy: principal.accountId,
        requestedAt: new Date(),
        employerLanguage: language,
      };
      let id: string;
      if (existing) {
        id = existing.id;
        await this.contacts.update(manager, id, changes);
      } else {
        id = await this.contacts.insert(manager, {
          ...changes,
          vacancyId: vacancy.id,
          organisationId: vacancy.organisationId,
          candidateId: profile.id,
          candidateLanguage: (await this.contacts.candidateLanguage(manager, profile.id)) ?? 'en',
        });
      }
      const contact = (await this.contacts.findById(manager, id))!;
      await auditStep(this.audit, manager, actorOf(principal), 'contact.requested', contact, context, {
        again: existing !== null,
      });
      await this.notifier.toCandidate(manager, 'request_received', { contact, vacancy, candidate: profile });
      return this.employerViews.view(manager, principal, contact, profile, labelLanguage(language));
    });
  }

  async accept(
    principal: Principal,
    contactId: string,
    input: AcceptInput,
    context: CallContext,
  ): Promise<CandidateContactView> {
    const language = input.language ?? 'en';
    return this.answer(principal, contactId, language, async (manager, contact, profile) => {
      if (contact.consent !== 'pending') throw new InvalidConsentTransitionError(contact.consent, 'accepted');
      await this.parties.assertOpen(contact.vacancyId);
      const vacancy = await this.parties.vacancy(manager, contact.vacancyId);
      const fields = disclosedFields(input);
      if (input.consentVersion !== CONSENT_TEXT_VERSION)
        throw new ConsentTextOutdatedError(
          consentTerms(language, vacancy.organisationName, vacancy.title, fields),
        );
      await this.contacts.update(manager, contact.id, {
        consent: 'granted',
        stage: 'accepted',
        sharedFields: fields,
        candidateLanguage: language,
      });
      const receiptId = await this.receipts.record(manager, {
        contactId: contact.id,
        candidateId: profile.id,
        organisationId: contact.organisationId,
        vacancyId: contact.vacancyId,
        event: 'granted',
        via: 'acceptance',
        fields,
        textVersion: CONSENT_TEXT_VERSION,
        language,
      });
      await auditStep(this.audit, manager, actorOf(principal), 'contact.accepted', contact, context, {
        receiptId,
        fields,
      });
      return { event: 'request_accepted', vacancy };
    });
  }

  async decline(
    principal: Principal,
    contactId: string,
    context: CallContext,
  ): Promise<CandidateContactView> {
    return this.answer(principal, contactId, undefined, async (manager, contact) => {
      if (contact.consent !== 'pending') throw new InvalidConsentTransitionError(contact.consent, 'declined');
      await this.contacts.update(manager, contact.id, { consent: 'declined', stage: 'withdrawn' });
      await auditStep(this.audit, manager, actorOf(principal), 'contact.declined', contact, context);
      return { event: 'request_declined', vacancy: await this.parties.vacancy(manager, contact.vacancyId) };
    });
  }

  /** Ends a consent: the organisation loses the identity at once; a receipt records the withdrawal. */
  async withdraw(
    principal: Principal,
    contactId: string,
    context: CallContext,
  ): Promise<CandidateContactView> {
    return this.answer(principal, contactId, undefined, async (manager, contact, profile) => {
      if (contact.consent !== 'granted')
        throw new InvalidConsentTransitionError(contact.consent, 'withdrawn');
      // A hire is a fact of the past; the stage keeps it while the consent ends.
      await this.contacts.update(manager, contact.id, {
        consent: 'withdrawn',
        stage: contact.stage === 'hired' ? 'hired' : 'withdrawn',
      });
      const receiptId = await this.receipts.record(manager, {
        contactId: contact.id,
        candidateId: profile.id,
        organisationId: contact.organisationId,
        vacancyId: contact.vacancyId,
        event: 'withdrawn',
        via: 'withdrawal',
        fields: contact.sharedFields,
        textVersion: CONSENT_TEXT_VERSION,
        language: contact.candidateLanguage,
      });
      await auditStep(this.audit, manager, actorOf(principal), 'contact.withdrawn', contact, context, {
        receiptId,
      });
      return { event: 'consent_withdrawn', vacancy: await this.parties.vacancy(manager, contact.vacancyId) };
    });
  }

  /** The caller's own contact, locked; the step; the employer told; the candidate's view back. */
  private async answer(
    principal: Principal,
    contactId: string,
    language: ReaderLanguage | undefined,
    step: (
      manager: EntityManager,
      contact: ContactRow,
      profile: CandidateProfile,
    ) => Promise<{
      event: 'request_accepted' | 'request_declined' | 'consent_withdrawn';
      vacancy: Awaited<ReturnType<ContactParties['vacancy']>>;
    }>,
  ): Promise<CandidateContactView> {
    const profile = await this.parties.ownProfile(principal);
    return this.dataSource.transaction(async (manager) => {
      const contact = await this.contacts.findById(manager, contactId, true);
      if (!contact || contact.candidateId !== profile.id) throw new ContactNotFoundError();
      const { event, vacancy } = await step(manager, contact, profile);
      const updated = (await this.contacts.findById(manager, contactId))!;
      await this.notifier.toEmployer(manager, event, { contact: updated, vacancy, candidate: profile });
      return this.candidateViews.view(manager, updated, language ?? updated.candidateLanguage);
    });
  }
}

export function labelLanguage(language: ReaderLanguage): TaxonomyLanguage {
  return language === 'ar' ? 'en' : language;
}

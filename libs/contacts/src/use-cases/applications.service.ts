import { AuditService } from '@app/audit';
import { actorOf, type CallContext, type Principal } from '@app/identity';
import type { ReaderLanguage } from '@app/vacancies';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConsentReceipts } from '../consent/consent-receipts.service';
import { CONSENT_TEXT_VERSION, consentTerms, disclosedFields } from '../consent/consent-terms';
import type { CandidateContactView, ConsentTerms, ShareChoice } from '../contact.types';
import { CandidateNotActiveError, ConsentTextOutdatedError, ContactExistsError } from '../contacts.errors';
import { ContactNotifier } from '../mail/contact-notifier.service';
import { ContactRepository } from '../store/contact.repository';
import { auditStep } from './contact-audit';
import { CandidateContactViews } from './candidate-contact-views.service';
import { ContactParties } from './contact-parties.service';

export interface ApplicationInput extends ShareChoice {
  vacancyId: string;
  message?: string | null;
  /** The version of the consent text the candidate was shown and confirms. */
  consentVersion: string;
  language?: ReaderLanguage;
}

/**
 * A candidate's application: interest in a vacancy and, by the same act, consent to disclose their
 * identity to that organisation for that vacancy, recorded with a receipt.
 */
@Injectable()
export class Applications {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parties: ContactParties,
    private readonly contacts: ContactRepository,
    private readonly receipts: ConsentReceipts,
    private readonly notifier: ContactNotifier,
    private readonly audit: AuditService,
    private readonly views: CandidateContactViews,
  ) {}

  /** What applying would disclose, to whom: shown before the candidate confirms. */
  async terms(
    principal: Principal,
    vacancyId: string,
    language: ReaderLanguage,
    share: ShareChoice,
  ): Promise<ConsentTerms> {
    await this.parties.ownProfile(principal);
    await this.parties.assertOpen(vacancyId);
    const vacancy = await this.parties.vacancy(this.parties.manager, vacancyId);
    return consentTerms(language, vacancy.organisationName, vacancy.title, disclosedFields(share));
  }

  async apply(
    principal: Principal,
    input: ApplicationInput,
    context: CallContext,
  ): Promise<CandidateContactView> {
    const language = input.language ?? 'en';
    const profile = await this.parties.ownProfile(principal);
    if (profile.status !== 'active') throw new CandidateNotActiveError();
    await this.parties.assertOpen(input.vacancyId);
    return this.dataSource.transaction(async (manager) => {
      const vacancy = await this.parties.vacancy(manager, input.vacancyId);
      const fields = disclosedFields(input);
      if (input.consentVersion !== CONSENT_TEXT_VERSION)
        throw new ConsentTextOutdatedError(
          consentTerms(language, vacancy.organisationName, vacancy.title, fields),
        );
      const existing = await this.contacts.findPair(manager, vacancy.id, profile.id, true);
      if (existing?.consent === 'granted') throw new ContactExistsError(existing.consent);
      // Applying while the organisation's request waits answers that request with a yes.
      const answersRequest = existing?.consent === 'pending';
      const changes = {
        consent: 'granted' as const,
        sharedFields: fields,
        stage: answersRequest ? ('accepted' as const) : ('new' as const),
        openingMessage: answersRequest ? existing.openingMessage : (input.message ?? null),
        candidateLanguage: language,
      };
      let id: string;
      if (existing) {
        id = existing.id;
        await this.contacts.update(manager, id, {
          ...changes,
          origin: answersRequest ? 'request' : 'application',
        });
      } else {
        id = await this.contacts.insert(manager, {
          ...changes,
          vacancyId: vacancy.id,
          organisationId: vacancy.organisationId,
          candidateId: profile.id,
          origin: 'application',
          requestedBy: null,
          requestedAt: null,
          employerLanguage: 'en',
        });
      }
      const contact = (await this.contacts.findById(manager, id))!;
      const receiptId = await this.receipts.record(manager, {
        contactId: id,
        candidateId: profile.id,
        organisationId: vacancy.organisationId,
        vacancyId: vacancy.id,
        event: 'granted',
        via: 'application',
        fields,
        textVersion: CONSENT_TEXT_VERSION,
        language,
      });
      await auditStep(this.audit, manager, actorOf(principal), 'contact.applied', contact, context, {
        receiptId,
        fields,
        answeredRequest: answersRequest,
      });
      await this.notifier.toEmployer(manager, 'application_received', {
        contact,
        vacancy,
        candidate: profile,
      });
      return this.views.view(manager, contact, language);
    });
  }
}

import { AuditService, SYSTEM_ACTOR } from '@app/audit';
import { PersonalDataSections, type DataSubject, type PersonalDataSection } from '@app/candidates';
import { EMPLOYER_ORGANISATIONS_SQL } from '@app/employers';
import { VACANCIES_SQL } from '@app/vacancies';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ContactNotifier } from '../mail/contact-notifier.service';
import { ContactRepository } from '../store/contact.repository';
import { ContactParties } from '../use-cases/contact-parties.service';
import { ConsentReceipts } from './consent-receipts.service';
import { CONSENT_TEXT_VERSION } from './consent-terms';

const CONTACT_EXPORT = `SELECT c.id AS "contactId", c.vacancy_id AS "vacancyId", v.title AS "vacancyTitle",
    e.name AS "employerName", c.origin, c.consent, c.consent_changed_at AS "consentChangedAt",
    c.shared_fields AS "sharedFields", c.stage, c.stage_changed_at AS "stageChangedAt",
    c.opening_message AS "openingMessage", c.requested_at AS "requestedAt", c.created_at AS "createdAt"
  FROM contacts c JOIN ${VACANCIES_SQL} v ON v.id = c.vacancy_id
  JOIN ${EMPLOYER_ORGANISATIONS_SQL} e ON e.id = c.organisation_id
 WHERE c.candidate_id = $1 AND c.origin = $2 ORDER BY c.created_at`;

/**
 * The candidate's applications, contact requests, consent receipts and messages in their data
 * export; and, on erasure, every standing consent closed with a receipt that names no one.
 */
@Injectable()
export class ContactDataSections implements OnModuleInit {
  constructor(
    private readonly sections: PersonalDataSections,
    private readonly receipts: ConsentReceipts,
    private readonly contacts: ContactRepository,
    private readonly parties: ContactParties,
    private readonly notifier: ContactNotifier,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    const section = (
      name: string,
      collect: (manager: EntityManager, candidateId: string) => Promise<unknown[]>,
      extra: Partial<PersonalDataSection> = {},
    ): PersonalDataSection => ({
      name,
      collect: (manager: EntityManager, subject: DataSubject) =>
        subject.candidateId ? collect(manager, subject.candidateId) : Promise.resolve([]),
      ...extra,
    });
    this.sections.register(
      section('applications', (manager, id) => manager.query(CONTACT_EXPORT, [id, 'application'])),
    );
    this.sections.register(
      section('contactRequests', (manager, id) => manager.query(CONTACT_EXPORT, [id, 'request']), {
        beforeErasure: (manager, subject) => this.closeConsents(manager, subject.candidateId),
      }),
    );
    this.sections.register(
      section('consentReceipts', (manager, id) => this.receipts.ofCandidate(manager, id)),
    );
    this.sections.register(
      section('messages', (manager, id) =>
        manager.query(
          `SELECT m.contact_id AS "contactId", c.vacancy_id AS "vacancyId", m.sender, m.body, m.sent_at AS "sentAt"
             FROM contact_messages m JOIN contacts c ON c.id = m.contact_id
            WHERE c.candidate_id = $1 ORDER BY m.sent_at, m.id`,
          [id],
        ),
      ),
    );
  }

  /** Runs before the profile's rows go (and take contacts and messages with them by cascade). */
  private async closeConsents(manager: EntityManager, candidateId: string): Promise<void> {
    // Only the two facts the employer's notice needs, on the erasure's transaction, not a whole profile.
    const candidate = await this.parties.candidateParty(manager, candidateId);
    for (const contact of await this.contacts.listByCandidate(manager, candidateId)) {
      if (contact.consent !== 'granted') continue;
      await this.receipts.record(manager, {
        contactId: null,
        candidateId: null,
        organisationId: contact.organisationId,
        vacancyId: contact.vacancyId,
        event: 'withdrawn',
        via: 'erasure',
        fields: contact.sharedFields,
        textVersion: CONSENT_TEXT_VERSION,
        language: contact.candidateLanguage,
      });
      await this.audit.record(manager, {
        actor: SYSTEM_ACTOR,
        action: 'contact.consent_ended_by_erasure',
        target: { type: 'vacancy', id: contact.vacancyId },
        details: { organisationId: contact.organisationId },
      });
      if (candidate)
        await this.notifier.toEmployer(manager, 'consent_withdrawn', {
          contact,
          vacancy: await this.parties.vacancy(manager, contact.vacancyId),
          candidate,
        });
    }
  }
}

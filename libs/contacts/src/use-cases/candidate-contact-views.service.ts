import { VACANCY_PAGE_PATH } from '@app/discovery';
import { isVerified } from '@app/employers';
import type { ReaderLanguage } from '@app/vacancies';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { consentTerms, disclosedFields } from '../consent/consent-terms';
import type { CandidateContactView } from '../contact.types';
import { stageLabel } from '../pipeline/stages';
import type { ContactRow } from '../store/contact.repository';
import { ContactParties } from './contact-parties.service';

/** The candidate's side of a contact: the employer's verified identity and the vacancy. */
@Injectable()
export class CandidateContactViews {
  constructor(private readonly parties: ContactParties) {}

  async view(
    manager: EntityManager,
    row: ContactRow,
    language: ReaderLanguage,
  ): Promise<CandidateContactView> {
    const vacancy = await this.parties.vacancy(manager, row.vacancyId);
    const employer = await this.parties.employer(row.organisationId);
    return {
      contactId: row.id,
      vacancy: { id: vacancy.id, title: vacancy.title, link: `${VACANCY_PAGE_PATH}/${vacancy.id}` },
      employer: {
        id: employer.id,
        legalName: employer.legalName,
        memberState: employer.memberState,
        registrationNumber: employer.registrationNumber,
        entityType: employer.entityType,
        verified: isVerified(employer.status),
      },
      origin: row.origin,
      consent: row.consent,
      stage: row.stage,
      stageLabel: stageLabel(row.stage, 'candidate', language),
      openingMessage: row.openingMessage,
      sharedFields: row.sharedFields,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      terms:
        row.consent === 'pending'
          ? consentTerms(language, employer.legalName, vacancy.title, disclosedFields({}))
          : null,
    };
  }
}

import type { CandidateProfile } from '@app/candidates';
import type { Principal } from '@app/identity';
import { PairExplanations } from '@app/matching';
import { labelIn, TaxonomyLookup, type TaxonomyLanguage } from '@app/taxonomy';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { identityOf, mayDisclose } from '../consent/disclosure';
import type { EmployerContactView, LabelledConcept, PseudonymousProfile } from '../contact.types';
import { stageLabel } from '../pipeline/stages';
import type { ContactRow } from '../store/contact.repository';
import { ContactParties } from './contact-parties.service';

/**
 * The organisation's side of a contact. The pseudonymised profile and the match explanation are
 * always there; the identity only as `mayDisclose` allows, decided here for every route.
 */
@Injectable()
export class EmployerContactViews {
  constructor(
    private readonly parties: ContactParties,
    private readonly taxonomy: TaxonomyLookup,
    private readonly explanations: PairExplanations,
  ) {}

  async view(
    manager: EntityManager,
    principal: Principal,
    row: ContactRow,
    profile: CandidateProfile | null,
    language: TaxonomyLanguage,
  ): Promise<EmployerContactView> {
    const disclosed = profile !== null && mayDisclose(row, principal);
    return {
      contactId: row.id,
      vacancyId: row.vacancyId,
      referenceCode: profile?.referenceCode ?? '',
      origin: row.origin,
      consent: row.consent,
      stage: row.stage,
      stageLabel: stageLabel(row.stage, 'employer', language),
      openingMessage: row.openingMessage,
      sharedFields: disclosed ? row.sharedFields : [],
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      profile: profile && (await this.pseudonymous(profile, language)),
      match: await this.explanations.explain(row.vacancyId, row.candidateId, language),
      identity: disclosed
        ? identityOf(profile, await this.parties.emailOf(manager, profile.accountId), row.sharedFields)
        : null,
    };
  }

  private async pseudonymous(
    profile: CandidateProfile,
    language: TaxonomyLanguage,
  ): Promise<PseudonymousProfile> {
    const occupations = new Map(
      (await this.taxonomy.findOccupations(profile.occupations.map((entry) => entry.uri))).map((found) => [
        found.uri,
        found,
      ]),
    );
    const skills = new Map(
      (await this.taxonomy.findSkills(profile.skills.map((entry) => entry.uri))).map((found) => [
        found.uri,
        found,
      ]),
    );
    const label = (
      uri: string,
      found:
        | { preferredLabels: Parameters<typeof labelIn>[0]; altLabels: Parameters<typeof labelIn>[1] }
        | undefined,
    ): LabelledConcept => {
      if (!found) return { uri, label: uri, language: 'en' };
      const labelled = labelIn(found.preferredLabels, found.altLabels, language);
      return { uri, label: labelled.label, language: labelled.language };
    };
    const eqf = profile.education.map((entry) => entry.eqfLevel);
    return {
      referenceCode: profile.referenceCode,
      occupations: profile.occupations.map((entry) => ({
        ...label(entry.uri, occupations.get(entry.uri)),
        yearsOfExperience: entry.yearsOfExperience,
      })),
      skills: profile.skills.map((entry) => label(entry.uri, skills.get(entry.uri))),
      languages: profile.languages.map((entry) => ({ code: entry.code, cefr: entry.cefr })),
      maxEqfLevel: eqf.length > 0 ? Math.max(...eqf) : null,
      residenceCountry: profile.residenceCountry,
      preferredMemberStates: profile.preferredMemberStates,
      availableFrom: profile.earliestStartDate,
    };
  }
}

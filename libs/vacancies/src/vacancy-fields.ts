import type { DomainErrorDetail } from '@app/common';
import type { VacancyInput } from './vacancies.types';
import type { VacancyEntity } from './vacancy.entity';

export type VacancyFields = Omit<
  VacancyEntity,
  | 'id'
  | 'organisationId'
  | 'status'
  | 'publishedAt'
  | 'expiresAt'
  | 'closedAt'
  | 'createdBy'
  | 'createdAt'
  | 'updatedAt'
>;

export const MIN_JUSTIFICATION_LENGTH = 30;

/** Rules across fields that the request validation cannot express; returns every problem found. */
export function vacancyProblems(input: VacancyInput, employerMemberState: string): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  const state = input.placeOfWork.memberState?.toUpperCase();
  if (state !== undefined && state !== employerMemberState) {
    problems.push({
      field: 'placeOfWork.memberState',
      reason: `must be the employer's Member State (${employerMemberState})`,
    });
  }
  if (input.pay) {
    const { min, max } = input.pay;
    if (min === null && max === null)
      problems.push({ field: 'pay', reason: 'give a minimum, a maximum or both' });
    if (min !== null && max !== null && min > max)
      problems.push({ field: 'pay.max', reason: 'must not be below pay.min' });
  }
  if (input.contributesToCompetitiveness) {
    const justification = input.competitivenessJustification?.trim() ?? '';
    if (justification.length < MIN_JUSTIFICATION_LENGTH) {
      problems.push({
        field: 'competitivenessJustification',
        reason: `required (at least ${MIN_JUSTIFICATION_LENGTH} characters) when the vacancy contributes to EU competitiveness`,
      });
    }
  }
  const skillUris = (input.skills ?? []).map((skill) => skill.uri);
  if (new Set(skillUris).size !== skillUris.length)
    problems.push({ field: 'skills', reason: 'must not repeat a skill' });
  const languageCodes = (input.languages ?? []).map((language) => language.code.toLowerCase());
  if (new Set(languageCodes).size !== languageCodes.length)
    problems.push({ field: 'languages', reason: 'must not repeat a language' });
  return problems;
}

export function vacancyFields(input: VacancyInput, employerMemberState: string): VacancyFields {
  const flagged = input.contributesToCompetitiveness ?? false;
  return {
    title: input.title.trim(),
    description: input.description.trim(),
    occupationUri: input.occupationUri,
    memberState: employerMemberState,
    city: input.placeOfWork.city.trim(),
    region: input.placeOfWork.region?.trim() || null,
    contactName: input.contact.name.trim(),
    contactEmail: input.contact.email.trim().toLowerCase(),
    contactPhone: input.contact.phone?.trim() || null,
    payMin: input.pay?.min ?? null,
    payMax: input.pay?.max ?? null,
    payCurrency: input.pay ? input.pay.currency.toUpperCase() : null,
    payPeriod: input.pay?.period ?? null,
    contractType: input.contractType ?? null,
    hoursPerWeek: input.hoursPerWeek ?? null,
    numberOfPosts: input.numberOfPosts ?? 1,
    startDate: input.startDate ?? null,
    skills: (input.skills ?? []).map((skill) => ({ uri: skill.uri, requirement: skill.requirement })),
    languages: (input.languages ?? []).map((language) => ({
      code: language.code.toLowerCase(),
      minCefr: language.minCefr,
      requirement: language.requirement,
    })),
    minEqfLevel: input.minEqfLevel ?? null,
    minExperienceYears: input.minExperienceYears ?? null,
    contributesToCompetitiveness: flagged,
    competitivenessJustification: flagged ? (input.competitivenessJustification?.trim() ?? null) : null,
  };
}

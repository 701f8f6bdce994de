import type { LocalizedLabels } from '@app/taxonomy';
import type { CefrCode, LanguageRequirement } from '../vacancies.types';
import type { VacancyEntity } from '../vacancy.entity';

/** What job search and matching read about a vacancy; never the contact person's details. */
export interface VacancyDocument {
  id: string;
  employerId: string;
  employerName: string;
  title: string;
  description: string;
  /** The opening of the description, for result lists. */
  summary: string;
  occupationUri: string;
  iscoCode: string;
  /** The ISCO-08 groups containing the occupation, from major group to unit group. */
  iscoGroups: string[];
  occupationLabel_en: string | null;
  occupationLabel_fr: string | null;
  occupationLabel_es: string | null;
  sector: string | null;
  inShortage: boolean;
  contributesToCompetitiveness: boolean;
  memberState: string;
  city: string;
  region: string | null;
  languages: { code: string; minCefr: CefrCode; requirement: LanguageRequirement }[];
  languageCodes: string[];
  requiredLanguageCodes: string[];
  essentialSkillUris: string[];
  optionalSkillUris: string[];
  contractType: string | null;
  hoursPerWeek: number | null;
  numberOfPosts: number;
  startDate: string | null;
  payMin: number | null;
  payMax: number | null;
  payCurrency: string | null;
  payPeriod: string | null;
  minEqfLevel: number | null;
  minExperienceYears: number | null;
  /** Unix seconds, for filters and sorting. */
  publishedAt: number;
  expiresAt: number;
}

export interface DocumentContext {
  employerName: string;
  occupation: { iscoCode: string; preferredLabels: LocalizedLabels };
  shortage: { inShortage: boolean; sector: string | null };
}

const seconds = (date: Date | null) => (date ? Math.floor(date.getTime() / 1000) : 0);

export function vacancyDocument(vacancy: VacancyEntity, context: DocumentContext): VacancyDocument {
  const { iscoCode, preferredLabels } = context.occupation;
  return {
    id: vacancy.id,
    employerId: vacancy.organisationId,
    employerName: context.employerName,
    title: vacancy.title,
    description: vacancy.description,
    summary: summaryOf(vacancy.description),
    occupationUri: vacancy.occupationUri,
    iscoCode,
    iscoGroups: [1, 2, 3, 4]
      .filter((length) => length <= iscoCode.length)
      .map((length) => iscoCode.slice(0, length)),
    occupationLabel_en: preferredLabels.en ?? null,
    occupationLabel_fr: preferredLabels.fr ?? null,
    occupationLabel_es: preferredLabels.es ?? null,
    sector: context.shortage.sector,
    inShortage: context.shortage.inShortage,
    contributesToCompetitiveness: vacancy.contributesToCompetitiveness,
    memberState: vacancy.memberState,
    city: vacancy.city,
    region: vacancy.region,
    languages: vacancy.languages,
    languageCodes: vacancy.languages.map((language) => language.code),
    requiredLanguageCodes: vacancy.languages
      .filter((language) => language.requirement === 'required')
      .map((language) => language.code),
    essentialSkillUris: vacancy.skills
      .filter((skill) => skill.requirement === 'essential')
      .map((skill) => skill.uri),
    optionalSkillUris: vacancy.skills
      .filter((skill) => skill.requirement === 'optional')
      .map((skill) => skill.uri),
    contractType: vacancy.contractType,
    hoursPerWeek: vacancy.hoursPerWeek,
    numberOfPosts: vacancy.numberOfPosts,
    startDate: vacancy.startDate,
    payMin: vacancy.payMin,
    payMax: vacancy.payMax,
    payCurrency: vacancy.payCurrency,
    payPeriod: vacancy.payPeriod,
    minEqfLevel: vacancy.minEqfLevel,
    minExperienceYears: vacancy.minExperienceYears,
    publishedAt: seconds(vacancy.publishedAt),
    expiresAt: seconds(vacancy.expiresAt),
  };
}

export const SUMMARY_LENGTH = 280;

/** The description's opening, cut at a word boundary when it is longer than `SUMMARY_LENGTH`. */
export function summaryOf(description: string): string {
  const text = description.replace(/\s+/g, ' ').trim();
  if (text.length <= SUMMARY_LENGTH) return text;
  const cut = text.slice(0, SUMMARY_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUMMARY_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}

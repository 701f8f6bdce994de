import type { CefrCode } from '@app/reference-data';
import type { VacancyStatus } from './vacancy-status';

export const CONTRACT_TYPES = [
  'permanent',
  'fixed_term',
  'seasonal',
  'temporary_agency',
  'apprenticeship',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const PAY_PERIODS = ['hour', 'month', 'year'] as const;
export type PayPeriod = (typeof PAY_PERIODS)[number];

export const SKILL_REQUIREMENTS = ['essential', 'optional'] as const;
export type SkillRequirement = (typeof SKILL_REQUIREMENTS)[number];

export const LANGUAGE_REQUIREMENTS = ['required', 'preferred'] as const;
export type LanguageRequirement = (typeof LANGUAGE_REQUIREMENTS)[number];

export { CEFR_CODES, type CefrCode } from '@app/reference-data';

/** Bounds that keep a vacancy, its search document and its matching cost small. */
export const VACANCY_LIMITS = {
  title: 200,
  description: 10_000,
  skills: 60,
  languages: 10,
  justification: 2_000,
} as const;

export interface VacancySkill {
  uri: string;
  requirement: SkillRequirement;
}

export interface VacancyLanguage {
  code: string;
  minCefr: CefrCode;
  requirement: LanguageRequirement;
}

export interface VacancyPay {
  min: number | null;
  max: number | null;
  currency: string;
  period: PayPeriod;
}

export interface VacancyInput {
  title: string;
  description: string;
  occupationUri: string;
  placeOfWork: { memberState?: string; city: string; region?: string | null };
  contact: { name: string; email: string; phone?: string | null };
  pay?: VacancyPay | null;
  contractType?: ContractType | null;
  hoursPerWeek?: number | null;
  numberOfPosts?: number;
  startDate?: string | null;
  skills?: VacancySkill[];
  languages?: VacancyLanguage[];
  minEqfLevel?: number | null;
  minExperienceYears?: number | null;
  contributesToCompetitiveness?: boolean;
  competitivenessJustification?: string | null;
}

export interface VacancyView {
  id: string;
  organisationId: string;
  employerName: string;
  status: VacancyStatus;
  title: string;
  description: string;
  occupationUri: string;
  placeOfWork: { memberState: string; city: string; region: string | null };
  contact: { name: string; email: string; phone: string | null };
  pay: VacancyPay | null;
  contractType: ContractType | null;
  hoursPerWeek: number | null;
  numberOfPosts: number;
  startDate: string | null;
  skills: VacancySkill[];
  languages: VacancyLanguage[];
  minEqfLevel: number | null;
  minExperienceYears: number | null;
  contributesToCompetitiveness: boolean;
  competitivenessJustification: string | null;
  publishedAt: Date | null;
  expiresAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

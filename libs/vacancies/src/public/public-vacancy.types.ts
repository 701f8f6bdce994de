import type {
  ContractType,
  LanguageRequirement,
  CefrCode,
  SkillRequirement,
  VacancyPay,
} from '../vacancies.types';
import type { ReaderLanguage, VersionedNotice } from './admission-notice';

export interface LabelledUri {
  uri: string;
  label: string;
  /** The label's language: the reader's, or English when that translation is missing. */
  language: string;
}

export type PublicationBasis = 'shortage_list' | 'eu_competitiveness';

/** What anyone may read about a live vacancy: no contact person, no internal fields. */
export interface PublicVacancyView {
  id: string;
  title: string;
  description: string;
  occupation: LabelledUri & { iscoCode: string };
  skills: (LabelledUri & { requirement: SkillRequirement })[];
  languages: { code: string; minCefr: CefrCode; requirement: LanguageRequirement }[];
  minEqfLevel: number | null;
  minExperienceYears: number | null;
  contractType: ContractType | null;
  hoursPerWeek: number | null;
  numberOfPosts: number;
  pay: VacancyPay | null;
  placeOfWork: { memberState: string; city: string; region: string | null };
  startDate: string | null;
  employer: { id: string; name: string; memberState: string };
  basis: PublicationBasis;
  competitivenessJustification: string | null;
  publishedAt: Date;
  expiresAt: Date;
  readerLanguage: ReaderLanguage;
  notice: VersionedNotice;
}

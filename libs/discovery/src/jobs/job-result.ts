import type { Page } from '@app/common';
import type { VacancyDocument } from '@app/vacancies';
import type { FacetCounts } from '../talent/talent-result';

export interface JobHit {
  id: string;
  title: string;
  /** The opening of the description. */
  summary: string;
  /** The public vacancy page (`GET` it without signing in). */
  link: string;
  employerName: string;
  occupation: {
    uri: string;
    iscoCode: string;
    labels: { en: string | null; fr: string | null; es: string | null };
  };
  sector: string | null;
  inShortage: boolean;
  contributesToCompetitiveness: boolean;
  placeOfWork: { memberState: string; city: string; region: string | null };
  languages: { code: string; minCefr: string; requirement: string }[];
  contractType: string | null;
  hoursPerWeek: number | null;
  numberOfPosts: number;
  startDate: string | null;
  pay: { min: number | null; max: number | null; currency: string; period: string | null } | null;
  minEqfLevel: number | null;
  minExperienceYears: number | null;
  publishedAt: string;
  expiresAt: string;
}

export interface JobSearchResult extends Page<JobHit> {
  facets: FacetCounts;
}

export type JobDocumentHit = Omit<VacancyDocument, 'description' | 'employerId' | 'summary'> & {
  summary?: string;
};

/** Where the public vacancy page of a job-search hit is served. */
export const VACANCY_PAGE_PATH = '/api/v1/jobs';

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

export function toJobHit(hit: JobDocumentHit): JobHit {
  return {
    id: hit.id,
    title: hit.title,
    // Documents indexed before summaries existed carry none until their next sync.
    summary: hit.summary ?? '',
    link: `${VACANCY_PAGE_PATH}/${hit.id}`,
    employerName: hit.employerName,
    occupation: {
      uri: hit.occupationUri,
      iscoCode: hit.iscoCode,
      labels: { en: hit.occupationLabel_en, fr: hit.occupationLabel_fr, es: hit.occupationLabel_es },
    },
    sector: hit.sector,
    inShortage: hit.inShortage,
    contributesToCompetitiveness: hit.contributesToCompetitiveness,
    placeOfWork: { memberState: hit.memberState, city: hit.city, region: hit.region },
    languages: hit.languages.map((language) => ({ ...language })),
    contractType: hit.contractType,
    hoursPerWeek: hit.hoursPerWeek,
    numberOfPosts: hit.numberOfPosts,
    startDate: hit.startDate,
    pay:
      hit.payCurrency === null
        ? null
        : { min: hit.payMin, max: hit.payMax, currency: hit.payCurrency, period: hit.payPeriod },
    minEqfLevel: hit.minEqfLevel,
    minExperienceYears: hit.minExperienceYears,
    publishedAt: iso(hit.publishedAt),
    expiresAt: iso(hit.expiresAt),
  };
}

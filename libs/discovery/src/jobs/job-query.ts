import type { PageRequest } from '@app/common';
import { enginePage } from '@app/search';
import type { SearchParams } from 'meilisearch';
import { anyOf, atLeast, clauses, nowSeconds, quote } from '../filter';

export const JOB_SORTS = ['relevance', 'newest', 'highest_pay', 'closing_soon'] as const;
export type JobSort = (typeof JOB_SORTS)[number];

export const JOB_FACETS = [
  'occupationUri',
  'iscoGroups',
  'sector',
  'memberState',
  'city',
  'languageCodes',
  'contractType',
  'payPeriod',
] as const;

export interface JobQuery extends PageRequest {
  text?: string;
  occupations?: string[];
  iscoGroups?: string[];
  sectors?: string[];
  memberStates?: string[];
  cities?: string[];
  /** Vacancies asking for one of these languages. */
  languages?: string[];
  /** Count only languages a vacancy requires, not those it merely prefers. */
  languagesRequired?: boolean;
  contractTypes?: string[];
  /** Pay of at least this amount per `payPeriod` (in the vacancy's currency). */
  minPay?: number;
  payPeriod?: string;
  payCurrency?: string;
  sort: JobSort;
}

const SORT: Record<JobSort, string[] | undefined> = {
  relevance: undefined,
  newest: ['publishedAt:desc'],
  highest_pay: ['payMax:desc'],
  closing_soon: ['expiresAt:asc'],
};

export const JOB_RETRIEVED = [
  'id',
  'employerName',
  'title',
  'summary',
  'occupationUri',
  'iscoCode',
  'occupationLabel_en',
  'occupationLabel_fr',
  'occupationLabel_es',
  'sector',
  'inShortage',
  'contributesToCompetitiveness',
  'memberState',
  'city',
  'region',
  'languages',
  'contractType',
  'hoursPerWeek',
  'numberOfPosts',
  'startDate',
  'payMin',
  'payMax',
  'payCurrency',
  'payPeriod',
  'minEqfLevel',
  'minExperienceYears',
  'publishedAt',
  'expiresAt',
];

/** The index holds only searchable vacancies; this also hides one past expiry before the job closes it. */
export function openVacancies(now: Date): string {
  return `expiresAt > ${nowSeconds(now)}`;
}

export function jobFilter(query: JobQuery, now: Date): string[] {
  const pay =
    query.minPay === undefined
      ? null
      : `(${atLeast('payMax', query.minPay)} OR ${atLeast('payMin', query.minPay)})`;
  return clauses(
    openVacancies(now),
    anyOf('occupationUri', query.occupations),
    anyOf('iscoGroups', query.iscoGroups),
    anyOf('sector', query.sectors),
    anyOf(
      'memberState',
      query.memberStates?.map((code) => code.toUpperCase()),
    ),
    anyOf('city', query.cities),
    anyOf(query.languagesRequired ? 'requiredLanguageCodes' : 'languageCodes', query.languages),
    anyOf('contractType', query.contractTypes),
    pay,
    query.payPeriod ? `payPeriod = ${quote(query.payPeriod)}` : null,
    query.payCurrency ? `payCurrency = ${quote(query.payCurrency.toUpperCase())}` : null,
  );
}

export function buildJobSearch(
  query: JobQuery,
  now: Date,
): SearchParams & { q: string; page: number; hitsPerPage: number } {
  const { page, hitsPerPage } = enginePage(query);
  return {
    q: query.text?.trim() ?? '',
    filter: jobFilter(query, now),
    facets: [...JOB_FACETS],
    sort: SORT[query.sort],
    page,
    hitsPerPage,
    attributesToRetrieve: JOB_RETRIEVED,
  };
}

import type { PageRequest } from '@app/common';
import { enginePage } from '@app/search';
import { cefrRank } from '@app/reference-data';
import type { TaxonomyLanguage } from '@app/taxonomy';
import type { SearchParams } from 'meilisearch';
import { allOf, anyOf, atLeast, clauses, nowSeconds } from '../filter';

export const TALENT_SORTS = [
  'relevance',
  'recently_updated',
  'earliest_available',
  'most_experienced',
  'highest_eqf',
] as const;
export type TalentSort = (typeof TALENT_SORTS)[number];

export const TALENT_FACETS = [
  'occupationUris',
  'iscoGroups',
  'sectors',
  'skillUris',
  'languageLevels',
  'maxEqfLevel',
  'residenceCountry',
  'programmeType',
  'preferredMemberStates',
] as const;
export type TalentFacet = (typeof TALENT_FACETS)[number];

export const PROGRAMME_FILTERS = ['talent_partnership', 'bilateral', 'national', 'any'] as const;
export type ProgrammeFilter = (typeof PROGRAMME_FILTERS)[number];

/** What an employer may search by; every value is validated by the API before it gets here. */
export interface TalentQuery extends PageRequest {
  text?: string;
  occupations?: string[];
  iscoGroups?: string[];
  sectors?: string[];
  /** Candidates holding every one of these skills. */
  skillsAll?: string[];
  /** Candidates holding at least one of these skills. */
  skillsAny?: string[];
  /** Every language at or above its minimum CEFR level. */
  languages?: { code: string; minCefr: string }[];
  minEqfLevel?: number;
  minYearsOfExperience?: number;
  residenceCountries?: string[];
  programme?: ProgrammeFilter[];
  /** Candidates who would work in at least one of these Member States. */
  preferredMemberStates?: string[];
  /** Candidates able to start on or before this day (ISO date); no stated date counts as available. */
  availableBy?: string;
  sort: TalentSort;
  /** Language of the occupation and skill labels in the hits (text matches in every language). */
  language?: TaxonomyLanguage;
  /** Facet counts to compute; skills only on request, their distribution is the costliest. */
  facets?: TalentFacet[];
}

export const DEFAULT_TALENT_FACETS: readonly TalentFacet[] = TALENT_FACETS.filter(
  (facet) => facet !== 'skillUris',
);

const SORT: Record<TalentSort, string[] | undefined> = {
  relevance: undefined,
  recently_updated: ['updatedAtTimestamp:desc'],
  earliest_available: ['availableFromTimestamp:asc'],
  most_experienced: ['yearsOfExperience:desc'],
  highest_eqf: ['maxEqfLevel:desc'],
};

/** The profile's single-valued fields (and Member States), retrieved as the document holds them. */
export const PROFILE_SCALARS = [
  'maxEqfLevel',
  'yearsOfExperience',
  'residenceCountry',
  'programmeType',
  'programmePartnerCountry',
  'preferredMemberStates',
  'availableFrom',
  'updatedAt',
] as const;

/**
 * Only what a profile shows, labels in one language: hits are most of what travels from the engine
 * to the API, so every field left out here is latency saved. With `highlighted`, the skill labels
 * are left to the highlighted copy (`_formatted`), which holds every retrieved field a second time
 * and the highlighted ones in any case: asked for in both, the labels would travel twice.
 */
export function talentRetrieved(language: TaxonomyLanguage, highlighted = false): string[] {
  return [
    'referenceCode',
    'occupations.uri',
    'occupations.iscoCode',
    `occupations.label_${language}`,
    'occupations.yearsOfExperience',
    'sectors',
    'skills.key',
    ...(highlighted ? [] : [`skills.label_${language}`]),
    'skills.level',
    'skills.yearsOfExperience',
    'skills.viaProgramme',
    'languages.code',
    'languages.cefr',
    ...PROFILE_SCALARS,
  ];
}

/** Control characters cannot occur in taxonomy labels, so they delimit highlights unambiguously. */
export const HIGHLIGHT_TAGS = { highlightPreTag: '\u0002', highlightPostTag: '\u0003' } as const;

/**
 * The base filter every candidate query carries: the index holds only searchable profiles, and
 * this also hides a profile whose validity ran out before the lifecycle job removed it.
 */
export function searchableCandidates(now: Date): string {
  return `expiresAtTimestamp > ${nowSeconds(now)}`;
}

export function talentFilter(query: TalentQuery, now: Date): string[] {
  const programme = query.programme ?? [];
  const programmeTypes = programme.filter((type) => type !== 'any');
  return clauses(
    searchableCandidates(now),
    anyOf('occupationUris', query.occupations),
    anyOf('iscoGroups', query.iscoGroups),
    anyOf('sectors', query.sectors),
    allOf('skillUris', query.skillsAll),
    anyOf('skillUris', query.skillsAny),
    (query.languages ?? []).map(languageClause),
    atLeast('maxEqfLevel', query.minEqfLevel),
    atLeast('yearsOfExperience', query.minYearsOfExperience),
    anyOf(
      'residenceCountry',
      query.residenceCountries?.map((code) => code.toUpperCase()),
    ),
    programme.includes('any') ? 'programmeType IS NOT NULL' : anyOf('programmeType', programmeTypes),
    anyOf(
      'preferredMemberStates',
      query.preferredMemberStates?.map((code) => code.toUpperCase()),
    ),
    query.availableBy
      ? `(availableFromTimestamp IS NULL OR availableFromTimestamp <= ${nowSeconds(new Date(`${query.availableBy}T00:00:00Z`))})`
      : null,
  );
}

/** The language code becomes part of an attribute name, so it is checked here as well as in the API. */
function languageClause(language: { code: string; minCefr: string }): string {
  const code = language.code.toLowerCase();
  const rank = cefrRank(language.minCefr.toUpperCase());
  if (!/^[a-z]{2}$/.test(code) || rank === null) throw new Error(`Invalid language filter ${code}`);
  return `languageRanks.${code} >= ${rank}`;
}

/** The Meilisearch request of a talent search. Pure: the same query always builds the same request. */
export function buildTalentSearch(
  query: TalentQuery,
  now: Date,
): SearchParams & { q: string; page: number; hitsPerPage: number } {
  const language = query.language ?? 'en';
  const text = query.text?.trim() ?? '';
  const { page, hitsPerPage } = enginePage(query);
  return {
    q: text,
    filter: talentFilter(query, now),
    facets: [...(query.facets ?? DEFAULT_TALENT_FACETS)],
    sort: SORT[query.sort],
    page,
    hitsPerPage,
    attributesToRetrieve: talentRetrieved(language, text !== ''),
    // Highlighting one attribute is far cheaper than match positions, which the engine computes
    // over every displayed attribute of every hit.
    ...(text ? { attributesToHighlight: [`skills.label_${language}`], ...HIGHLIGHT_TAGS } : {}),
  };
}

/** What the audit trail keeps of a search: the criteria, never a result. */
export function auditedCriteria(query: TalentQuery): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query).filter(([key, value]) => key !== 'facets' && value !== undefined),
  );
}

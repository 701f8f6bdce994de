import type { Schemas } from '../../api/web-api';
import type { EscoLanguage } from '../../i18n/locales';

/**
 * A talent search as the address holds it, so it can be shared, bookmarked and gone back to. The
 * parameter names are the API's (a saved search's criteria read back the same way).
 */
export interface TalentState {
  text: string;
  occupations: string[];
  sectors: string[];
  residenceCountries: string[];
  preferredMemberStates: string[];
  programme: string[];
  minEqfLevel: number | null;
  minYearsOfExperience: number | null;
  sort: (typeof TALENT_SORTS)[number];
  offset: number;
}

export const TALENT_PAGE_SIZE = 20;
export const TALENT_SORTS = ['relevance', 'recently_updated', 'earliest_available', 'most_experienced', 'highest_eqf'] as const;
const PROGRAMMES = ['talent_partnership', 'bilateral', 'national', 'any'];
const LISTS: Record<'occupations' | 'sectors' | 'residenceCountries' | 'preferredMemberStates' | 'programme', RegExp> = {
  occupations: /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/,
  sectors: /^[a-z_]{2,40}$/,
  residenceCountries: /^[A-Z]{2}$/,
  preferredMemberStates: /^[A-Z]{2}$/,
  programme: /^[a-z_]{2,40}$/,
};

function values(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((item): item is string => typeof item === 'string').map((item) => item.trim()).filter(Boolean);
}

function integer(value: unknown, min: number, max: number): number | null {
  const [first] = values(value);
  if (!first || !/^\d{1,3}$/.test(first)) return null;
  const number = Number(first);
  return number >= min && number <= max ? number : null;
}

/** Reads the address's query (or a saved search's criteria); anything malformed is dropped, not refused. */
export function parseTalentQuery(query: Record<string, unknown>): TalentState {
  const list = (name: keyof typeof LISTS) => [...new Set(values(query[name]).filter((item) => LISTS[name].test(item)))].slice(0, 20);
  const [sort] = values(query.sort);
  const offset = integer(query.offset, 0, 999) ?? 0;
  return {
    text: (values(query.text)[0] ?? '').slice(0, 200),
    occupations: list('occupations'),
    sectors: list('sectors'),
    residenceCountries: list('residenceCountries'),
    preferredMemberStates: list('preferredMemberStates'),
    programme: list('programme').filter((item) => PROGRAMMES.includes(item)),
    minEqfLevel: integer(query.minEqfLevel, 1, 8),
    minYearsOfExperience: integer(query.minYearsOfExperience, 0, 60),
    sort: (TALENT_SORTS as readonly string[]).includes(sort ?? '') ? (sort as TalentState['sort']) : 'relevance',
    offset: offset - (offset % TALENT_PAGE_SIZE),
  };
}

/** The criteria that are set (and the order), as the API takes them. */
export function talentCriteria(state: TalentState): Omit<Schemas['TalentSearchRequest'], 'lang' | 'limit' | 'offset'> {
  return {
    ...(state.text ? { text: state.text } : {}),
    ...(state.occupations.length ? { occupations: state.occupations } : {}),
    ...(state.sectors.length ? { sectors: state.sectors } : {}),
    ...(state.residenceCountries.length ? { residenceCountries: state.residenceCountries } : {}),
    ...(state.preferredMemberStates.length ? { preferredMemberStates: state.preferredMemberStates } : {}),
    ...(state.programme.length ? { programme: state.programme as Schemas['TalentSearchRequest']['programme'] } : {}),
    ...(state.minEqfLevel !== null ? { minEqfLevel: state.minEqfLevel } : {}),
    ...(state.minYearsOfExperience !== null ? { minYearsOfExperience: state.minYearsOfExperience } : {}),
    sort: state.sort,
  };
}

export function talentSearchBody(state: TalentState, lang: EscoLanguage): Schemas['TalentSearchRequest'] {
  return { ...talentCriteria(state), lang, limit: TALENT_PAGE_SIZE, offset: state.offset };
}

/**
 * The facet counts the search page shows. It asks the API for these alone: facet counts are half
 * of a search's engine time, and the two the page does not show (ISCO groups, language levels) are
 * among the dearest.
 */
export const TALENT_PAGE_FACETS = ['occupationUris', 'sectors', 'residenceCountry', 'preferredMemberStates', 'programmeType', 'maxEqfLevel'] as const satisfies NonNullable<Schemas['TalentSearchRequest']['facets']>;
export type TalentPageFacet = (typeof TALENT_PAGE_FACETS)[number];
/** The counts of those facets, by value, as the API answers them. */
export type TalentPageFacetCounts = Partial<Record<TalentPageFacet, Record<string, number>>>;

/** The search the page runs: the criteria, the page of results and the page's facet counts. */
export function talentPageSearchBody(state: TalentState, lang: EscoLanguage): Schemas['TalentSearchRequest'] {
  return { ...talentSearchBody(state, lang), facets: [...TALENT_PAGE_FACETS] };
}

/** The query string of a search (without `?`), changed as given; a change of criteria starts at the first page. */
export function talentSearchString(state: TalentState, change: Partial<TalentState> = {}): string {
  const next = { ...state, ...change };
  const params = new URLSearchParams();
  if (next.text) params.set('text', next.text);
  for (const name of Object.keys(LISTS) as Array<keyof typeof LISTS>) for (const item of next[name]) params.append(name, item);
  if (next.minEqfLevel !== null) params.set('minEqfLevel', String(next.minEqfLevel));
  if (next.minYearsOfExperience !== null) params.set('minYearsOfExperience', String(next.minYearsOfExperience));
  if (next.sort !== 'relevance') params.set('sort', next.sort);
  if (next.offset) params.set('offset', String(next.offset));
  return params.toString();
}

/** The query of a search string (a saved search's hidden field), read as Express reads an address. */
export function queryOf(search: string): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(search)) (query[key] ??= []).push(value);
  return query;
}

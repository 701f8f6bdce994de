import type { TaxonomyLanguage } from '@app/taxonomy';
import { HIGHLIGHT_TAGS } from './talent-query';

export interface MatchedSkill {
  uri: string;
  /** The skill's label in the requested language. */
  label: string;
  /** The language of `label`: the requested one. */
  language: TaxonomyLanguage;
  /** Matched character ranges within `label`; empty for a skill named only by a filter. */
  highlights: { start: number; length: number }[];
}

/** One pseudonymised profile in a result list: a reference code, never who the person is. */
export interface TalentHit {
  referenceCode: string;
  /** Labels in the requested language. */
  occupations: { uri: string; iscoCode: string; label: string | null; yearsOfExperience: number }[];
  sectors: string[];
  skills: {
    uri: string;
    label: string | null;
    level: string | null;
    yearsOfExperience: number | null;
    viaProgramme: boolean;
  }[];
  /** Skills matched by the text or named by a skill filter. */
  matchedSkills: MatchedSkill[];
  languages: { code: string; cefr: string }[];
  maxEqfLevel: number | null;
  yearsOfExperience: number;
  residenceCountry: string;
  programme: { type: string; partnerCountry: string | null } | null;
  preferredMemberStates: string[];
  availableFrom: string | null;
  updatedAt: string;
}

export type FacetCounts = Record<string, Record<string, number>>;

export interface TalentSearchResult {
  page: number;
  hitsPerPage: number;
  totalHits: number;
  totalPages: number;
  hits: TalentHit[];
  facets: FacetCounts;
  facetStats: Record<string, { min: number; max: number }>;
}

type Labelled = Partial<Record<`label_${TaxonomyLanguage}`, string | null>>;

/** A hit as the engine returns it: the retrieved fields only, labels in one language. */
export interface TalentDocumentHit {
  referenceCode: string;
  occupations: ({ uri: string; iscoCode: string; yearsOfExperience: number } & Labelled)[];
  sectors?: string[];
  skills: ({
    uri: string;
    level: string | null;
    yearsOfExperience: number | null;
    viaProgramme: boolean;
  } & Labelled)[];
  languages: { code: string; cefr: string }[];
  maxEqfLevel: number | null;
  yearsOfExperience: number;
  residenceCountry: string;
  programmeType: string | null;
  programmePartnerCountry: string | null;
  preferredMemberStates: string[];
  availableFrom: string | null;
  updatedAt: string;
  /** Present when the search had text: skill labels in the requested language, matches tagged. */
  _formatted?: { skills?: Labelled[] };
}

/** Character ranges between the highlight tags, in the label without them. */
export function highlightRanges(formatted: string): { start: number; length: number }[] {
  const ranges: { start: number; length: number }[] = [];
  // Most labels of a hit match nothing: skip the walk through their characters.
  if (!formatted.includes(HIGHLIGHT_TAGS.highlightPreTag)) return ranges;
  let plain = 0;
  let start = -1;
  for (const char of formatted) {
    if (char === HIGHLIGHT_TAGS.highlightPreTag) start = plain;
    else if (char === HIGHLIGHT_TAGS.highlightPostTag) {
      if (start >= 0 && plain > start) ranges.push({ start, length: plain - start });
      start = -1;
    } else plain += char.length;
  }
  return ranges;
}

function matchedSkills(
  hit: TalentDocumentHit,
  filtered: ReadonlySet<string>,
  language: TaxonomyLanguage,
): MatchedSkill[] {
  const key = `label_${language}` as const;
  const matched: MatchedSkill[] = [];
  hit.skills.forEach((skill, index) => {
    const formatted = hit._formatted?.skills?.[index]?.[key];
    const highlights = formatted ? highlightRanges(formatted) : [];
    if (highlights.length > 0 || filtered.has(skill.uri))
      matched.push({ uri: skill.uri, label: skill[key] ?? '', language, highlights });
  });
  return matched;
}

/** Builds the hit field by field, so a field added to the document never reaches an employer by accident. */
export function toTalentHit(
  hit: TalentDocumentHit,
  filteredSkills: ReadonlySet<string>,
  language: TaxonomyLanguage,
): TalentHit {
  const key = `label_${language}` as const;
  return {
    referenceCode: hit.referenceCode,
    occupations: hit.occupations.map((occupation) => ({
      uri: occupation.uri,
      iscoCode: occupation.iscoCode,
      label: occupation[key] ?? null,
      yearsOfExperience: occupation.yearsOfExperience,
    })),
    sectors: hit.sectors ?? [],
    skills: hit.skills.map((skill) => ({
      uri: skill.uri,
      label: skill[key] ?? null,
      level: skill.level,
      yearsOfExperience: skill.yearsOfExperience,
      viaProgramme: skill.viaProgramme,
    })),
    matchedSkills: matchedSkills(hit, filteredSkills, language),
    languages: hit.languages.map((entry) => ({ code: entry.code, cefr: entry.cefr })),
    maxEqfLevel: hit.maxEqfLevel,
    yearsOfExperience: hit.yearsOfExperience,
    residenceCountry: hit.residenceCountry,
    programme: hit.programmeType
      ? { type: hit.programmeType, partnerCountry: hit.programmePartnerCountry }
      : null,
    preferredMemberStates: hit.preferredMemberStates,
    availableFrom: hit.availableFrom,
    updatedAt: hit.updatedAt,
  };
}

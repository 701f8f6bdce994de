import type { TaxonomyLanguage } from '@app/taxonomy';

export interface MatchedSkill {
  uri: string;
  /** The skill's label in the requested language. */
  label: string;
  /** The language the text matched in (the requested one when several did). */
  language: TaxonomyLanguage;
  /** Matched character ranges within `label`; empty when the match was in another language. */
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

type MatchesPosition = Record<string, { start: number; length: number; indices?: number[] }[]>;
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
  _matchesPosition?: MatchesPosition;
}

const LANGUAGES: readonly TaxonomyLanguage[] = ['en', 'fr', 'es'];

function matchedSkills(
  hit: TalentDocumentHit,
  filtered: ReadonlySet<string>,
  language: TaxonomyLanguage,
): MatchedSkill[] {
  const label = (index: number) => hit.skills[index]?.[`label_${language}`] ?? '';
  const matched = new Map<number, MatchedSkill>();
  // The requested language first, so a skill matched in several languages is highlighted in it.
  for (const matchedIn of [language, ...LANGUAGES.filter((other) => other !== language)]) {
    for (const position of hit._matchesPosition?.[`skills.label_${matchedIn}`] ?? []) {
      for (const index of position.indices ?? []) {
        const skill = hit.skills[index];
        if (!skill) continue;
        const entry = matched.get(index) ?? {
          uri: skill.uri,
          label: label(index),
          language: matchedIn,
          highlights: [],
        };
        if (matchedIn === language) entry.highlights.push({ start: position.start, length: position.length });
        matched.set(index, entry);
      }
    }
  }
  hit.skills.forEach((skill, index) => {
    if (!matched.has(index) && filtered.has(skill.uri))
      matched.set(index, { uri: skill.uri, label: label(index), language, highlights: [] });
  });
  return [...matched.entries()].sort(([a], [b]) => a - b).map(([, skill]) => skill);
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

import type { CandidateDocument } from '@app/candidates';

type Labels = { en: string | null; fr: string | null; es: string | null };

export interface MatchedSkill {
  uri: string;
  /** The label that matched, in the language it matched in. */
  label: string;
  language: 'en' | 'fr' | 'es';
  /** Matched character ranges within `label`. */
  highlights: { start: number; length: number }[];
}

/** One pseudonymised profile in a result list: a reference code, never who the person is. */
export interface TalentHit {
  referenceCode: string;
  occupations: { uri: string; iscoCode: string; labels: Labels; yearsOfExperience: number }[];
  sectors: string[];
  skills: {
    uri: string;
    labels: Labels;
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
export type TalentDocumentHit = Pick<
  CandidateDocument,
  | 'referenceCode'
  | 'occupations'
  | 'sectors'
  | 'skills'
  | 'languages'
  | 'maxEqfLevel'
  | 'yearsOfExperience'
  | 'residenceCountry'
  | 'programmeType'
  | 'programmePartnerCountry'
  | 'preferredMemberStates'
  | 'availableFrom'
  | 'updatedAt'
> & { _matchesPosition?: MatchesPosition };

const LANGUAGES = ['en', 'fr', 'es'] as const;

function matchedSkills(hit: TalentDocumentHit, filtered: ReadonlySet<string>): MatchedSkill[] {
  const matched = new Map<number, MatchedSkill>();
  for (const language of LANGUAGES) {
    for (const position of hit._matchesPosition?.[`skills.label_${language}`] ?? []) {
      for (const index of position.indices ?? []) {
        const skill = hit.skills[index];
        const label = skill?.[`label_${language}`];
        if (!skill || !label) continue;
        const entry = matched.get(index) ?? { uri: skill.uri, label, language, highlights: [] };
        if (entry.language === language)
          entry.highlights.push({ start: position.start, length: position.length });
        matched.set(index, entry);
      }
    }
  }
  hit.skills.forEach((skill, index) => {
    if (!matched.has(index) && filtered.has(skill.uri))
      matched.set(index, { uri: skill.uri, label: skill.label_en ?? '', language: 'en', highlights: [] });
  });
  return [...matched.entries()].sort(([a], [b]) => a - b).map(([, skill]) => skill);
}

/** Builds the hit field by field, so a field added to the document never reaches an employer by accident. */
export function toTalentHit(hit: TalentDocumentHit, filteredSkills: ReadonlySet<string>): TalentHit {
  return {
    referenceCode: hit.referenceCode,
    occupations: hit.occupations.map((occupation) => ({
      uri: occupation.uri,
      iscoCode: occupation.iscoCode,
      labels: { en: occupation.label_en, fr: occupation.label_fr, es: occupation.label_es },
      yearsOfExperience: occupation.yearsOfExperience,
    })),
    sectors: hit.sectors ?? [],
    skills: hit.skills.map((skill) => ({
      uri: skill.uri,
      labels: { en: skill.label_en, fr: skill.label_fr, es: skill.label_es },
      level: skill.level,
      yearsOfExperience: skill.yearsOfExperience,
      viaProgramme: skill.viaProgramme,
    })),
    matchedSkills: matchedSkills(hit, filteredSkills),
    languages: hit.languages.map((language) => ({ code: language.code, cefr: language.cefr })),
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

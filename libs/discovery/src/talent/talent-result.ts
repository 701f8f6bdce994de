import type { Page } from '@app/common';
import { escoSkillUri, type TaxonomyLanguage } from '@app/taxonomy';
import { HIGHLIGHT_TAGS } from './talent-query';

/** How many skills a result card shows; the profile view has them all. */
export const CARD_SKILLS = 8;

export interface MatchedSkill {
  uri: string;
  /** The skill's label in the requested language. */
  label: string;
  /** The language of `label`: the requested one. */
  language: TaxonomyLanguage;
  /** Matched character ranges within `label`; empty for a skill named only by a filter. */
  highlights: { start: number; length: number }[];
}

export interface TalentSkill {
  uri: string;
  /** In the requested language. */
  label: string | null;
  level: string | null;
  yearsOfExperience: number | null;
  viaProgramme: boolean;
}

/** A pseudonymised profile as an employer sees it: a reference code, never who the person is. */
export interface TalentProfile {
  referenceCode: string;
  /** Labels in the requested language. */
  occupations: { uri: string; iscoCode: string; label: string | null; yearsOfExperience: number }[];
  sectors: string[];
  /** Strongest first: by level, then years of experience. */
  skills: TalentSkill[];
  languages: { code: string; cefr: string }[];
  maxEqfLevel: number | null;
  yearsOfExperience: number;
  residenceCountry: string;
  programme: { type: string; partnerCountry: string | null } | null;
  preferredMemberStates: string[];
  availableFrom: string | null;
  updatedAt: string;
}

/** One profile in a result list: the card, with the full skill list left to the profile view. */
export interface TalentHit extends Omit<TalentProfile, 'skills'> {
  /** Up to `CARD_SKILLS` skills: the matched ones first, then the strongest. */
  topSkills: TalentSkill[];
  skillCount: number;
  /** Skills matched by the text or named by a skill filter. */
  matchedSkills: MatchedSkill[];
}

export type FacetCounts = Record<string, Record<string, number>>;

export interface TalentSearchResult extends Page<TalentHit> {
  facets: FacetCounts;
  facetStats: Record<string, { min: number; max: number }>;
}

type Labelled = Partial<Record<`label_${TaxonomyLanguage}`, string>>;

/** A skill as the engine returns it: the document's compact form (see `CandidateDocument`). */
type DocumentSkill = {
  key: string;
  level?: string;
  yearsOfExperience?: number;
  viaProgramme?: boolean;
} & Labelled;

/** A candidate document as the engine returns it: the retrieved fields only, labels in one language. */
export interface TalentDocument {
  referenceCode: string;
  occupations: ({ uri: string; iscoCode: string; yearsOfExperience: number } & Labelled)[];
  sectors?: string[];
  skills?: DocumentSkill[];
  languages: { code: string; cefr: string }[];
  maxEqfLevel: number | null;
  yearsOfExperience: number;
  residenceCountry: string;
  programmeType: string | null;
  programmePartnerCountry: string | null;
  preferredMemberStates: string[];
  availableFrom: string | null;
  updatedAt: string;
}

/** A hit of a search with text: its skill labels come only in the highlighted copy, matches tagged. */
export interface TalentDocumentHit extends TalentDocument {
  _formatted?: { skills?: Labelled[] };
}

const TAGS = new RegExp(`[${HIGHLIGHT_TAGS.highlightPreTag}${HIGHLIGHT_TAGS.highlightPostTag}]`, 'g');

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

interface ReadSkill {
  skill: TalentSkill;
  highlights: { start: number; length: number }[];
}

function readSkills(hit: TalentDocumentHit, language: TaxonomyLanguage): ReadSkill[] {
  const key = `label_${language}` as const;
  return (hit.skills ?? []).map((skill, index) => {
    const formatted = hit._formatted?.skills?.[index]?.[key];
    const label = formatted === undefined ? (skill[key] ?? null) : formatted.replace(TAGS, '');
    return {
      skill: {
        uri: escoSkillUri(skill.key),
        label,
        level: skill.level ?? null,
        yearsOfExperience: skill.yearsOfExperience ?? null,
        viaProgramme: skill.viaProgramme === true,
      },
      highlights: formatted ? highlightRanges(formatted) : [],
    };
  });
}

/** Builds the profile field by field, so a field added to the document never reaches an employer by accident. */
function profileFields(hit: TalentDocument, language: TaxonomyLanguage): Omit<TalentProfile, 'skills'> {
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

export function toTalentProfile(document: TalentDocument, language: TaxonomyLanguage): TalentProfile {
  return {
    ...profileFields(document, language),
    skills: readSkills(document, language).map((read) => read.skill),
  };
}

export function toTalentHit(
  hit: TalentDocumentHit,
  filteredSkills: ReadonlySet<string>,
  language: TaxonomyLanguage,
): TalentHit {
  const skills = readSkills(hit, language);
  const matched = skills.filter((read) => read.highlights.length > 0 || filteredSkills.has(read.skill.uri));
  const isMatched = new Set(matched);
  const others = skills.filter((read) => !isMatched.has(read));
  return {
    ...profileFields(hit, language),
    topSkills: [...matched, ...others].slice(0, CARD_SKILLS).map((read) => read.skill),
    skillCount: skills.length,
    matchedSkills: matched.map((read) => ({
      uri: read.skill.uri,
      label: read.skill.label ?? '',
      language,
      highlights: read.highlights,
    })),
  };
}

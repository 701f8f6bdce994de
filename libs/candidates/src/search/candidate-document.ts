import { escoSkillKey, type LocalizedAltLabels, type LocalizedLabels } from '@app/taxonomy';
import { SKILL_LEVELS, type ProgrammeType, type SkillLevel } from '../candidate.types';

/**
 * Everything the index may know about a candidate. It is assembled from the profile but has no
 * place for names, contact details, date of birth or citizenship, so they cannot leak into search.
 */
export interface CandidateIndexSource {
  referenceCode: string;
  residenceCountry: string;
  occupations: {
    uri: string;
    iscoCode: string;
    labels: LocalizedLabels;
    altLabels: LocalizedAltLabels;
    yearsOfExperience: number;
  }[];
  /** Shortage sectors that list one of the occupations today. */
  sectors: string[];
  skills: {
    uri: string;
    labels: LocalizedLabels;
    level: SkillLevel | null;
    yearsOfExperience: number | null;
    viaProgramme: boolean;
  }[];
  languages: { code: string; cefr: string; cefrRank: number }[];
  eqfLevels: number[];
  preferredMemberStates: string[];
  earliestStartDate: string | null;
  programme: { type: ProgrammeType; partnerCountry: string } | null;
  expiresAt: Date | null;
  updatedAt: Date;
}

export interface CandidateDocumentSkill {
  /** `escoSkillKey` of the skill URI. */
  key: string;
  label_en?: string;
  label_fr?: string;
  label_es?: string;
  level?: SkillLevel;
  yearsOfExperience?: number;
  viaProgramme?: true;
}

export interface CandidateDocument {
  referenceCode: string;
  occupationUris: string[];
  iscoCodes: string[];
  /** Every ISCO-08 group (1 to 4 digits) containing one of the occupations. */
  iscoGroups: string[];
  /** ESCO alternative labels of the occupations, all languages: searchable, never displayed. */
  occupationAltLabels: string[];
  sectors: string[];
  occupations: {
    uri: string;
    iscoCode: string;
    label_en: string | null;
    label_fr: string | null;
    label_es: string | null;
    yearsOfExperience: number;
  }[];
  skillUris: string[];
  /**
   * Strongest first (level, then years), so a result card can show the first few. Compact, because
   * the engine sends every skill of every hit back with a search: the short URI key, and a field
   * only when it says something (no null level or years, no `viaProgramme: false`).
   */
  skills: CandidateDocumentSkill[];
  languageCodes: string[];
  languages: { code: string; cefr: string; cefrRank: number }[];
  /** `languageRanks.fr >= 4` filters for French at B2 or above. */
  languageRanks: Record<string, number>;
  /** `fr:B2`, for facet counts per language and level. */
  languageLevels: string[];
  maxEqfLevel: number | null;
  yearsOfExperience: number;
  residenceCountry: string;
  programmeType: ProgrammeType | null;
  programmePartnerCountry: string | null;
  preferredMemberStates: string[];
  availableFrom: string | null;
  /** Seconds since the epoch (Meilisearch filters and sorts numbers, not date strings). */
  availableFromTimestamp: number | null;
  /** Seconds; search also filters on it, so a profile past expiry is hidden before the lifecycle job runs. */
  expiresAtTimestamp: number | null;
  updatedAt: string;
  updatedAtTimestamp: number;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function strongestFirst(skills: CandidateIndexSource['skills']): CandidateIndexSource['skills'] {
  const rank = (skill: CandidateIndexSource['skills'][number]) =>
    skill.level ? SKILL_LEVELS.indexOf(skill.level) + 1 : 0;
  return [...skills].sort(
    (a, b) => rank(b) - rank(a) || (b.yearsOfExperience ?? 0) - (a.yearsOfExperience ?? 0),
  );
}

function documentSkill(skill: CandidateIndexSource['skills'][number]): CandidateDocumentSkill {
  const entry: CandidateDocumentSkill = { key: escoSkillKey(skill.uri) };
  for (const language of ['en', 'fr', 'es'] as const) {
    const label = skill.labels[language];
    if (label) entry[`label_${language}`] = label;
  }
  if (skill.level) entry.level = skill.level;
  if (skill.yearsOfExperience !== null) entry.yearsOfExperience = skill.yearsOfExperience;
  if (skill.viaProgramme) entry.viaProgramme = true;
  return entry;
}

/** The pseudonymised search document of one candidate. */
export function candidateDocument(source: CandidateIndexSource): CandidateDocument {
  const languageRanks: Record<string, number> = {};
  for (const language of source.languages) languageRanks[language.code] = language.cefrRank;
  return {
    referenceCode: source.referenceCode,
    occupationUris: source.occupations.map((occupation) => occupation.uri),
    iscoCodes: [...new Set(source.occupations.map((occupation) => occupation.iscoCode))],
    iscoGroups: [
      ...new Set(
        source.occupations.flatMap((occupation) =>
          [1, 2, 3, 4]
            .filter((length) => length <= occupation.iscoCode.length)
            .map((length) => occupation.iscoCode.slice(0, length)),
        ),
      ),
    ],
    occupationAltLabels: [
      ...new Set(source.occupations.flatMap((occupation) => Object.values(occupation.altLabels).flat())),
    ],
    sectors: [...source.sectors],
    occupations: source.occupations.map((occupation) => ({
      uri: occupation.uri,
      iscoCode: occupation.iscoCode,
      label_en: occupation.labels.en ?? null,
      label_fr: occupation.labels.fr ?? null,
      label_es: occupation.labels.es ?? null,
      yearsOfExperience: occupation.yearsOfExperience,
    })),
    skillUris: source.skills.map((skill) => skill.uri),
    skills: strongestFirst(source.skills).map(documentSkill),
    languageCodes: source.languages.map((language) => language.code),
    languages: source.languages.map((language) => ({ ...language })),
    languageRanks,
    languageLevels: source.languages.map((language) => `${language.code}:${language.cefr}`),
    maxEqfLevel: source.eqfLevels.length > 0 ? Math.max(...source.eqfLevels) : null,
    yearsOfExperience: Math.max(0, ...source.occupations.map((occupation) => occupation.yearsOfExperience)),
    residenceCountry: source.residenceCountry,
    programmeType: source.programme?.type ?? null,
    programmePartnerCountry: source.programme?.partnerCountry ?? null,
    preferredMemberStates: [...source.preferredMemberStates],
    availableFrom: source.earliestStartDate,
    availableFromTimestamp: source.earliestStartDate
      ? seconds(new Date(`${source.earliestStartDate}T00:00:00Z`))
      : null,
    expiresAtTimestamp: source.expiresAt ? seconds(source.expiresAt) : null,
    updatedAt: source.updatedAt.toISOString(),
    updatedAtTimestamp: seconds(source.updatedAt),
  };
}

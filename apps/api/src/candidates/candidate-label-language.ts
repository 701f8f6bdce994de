import type { CandidateProfile } from '@app/candidates';
import { cefrRank } from '@app/reference-data';
import { labelLanguageFor, type TaxonomyLanguage, type TaxonomyLookup } from '@app/taxonomy';
import {
  type CandidateProfileResponse,
  toCandidateProfileResponse,
} from './responses/candidate-profile.response';

/** `lang` when ESCO has it; for ar, the candidate's most fluent language that ESCO has, else en. */
export function candidateLabelLanguage(
  lang: string,
  profile: Pick<CandidateProfile, 'languages'>,
): TaxonomyLanguage {
  const fluent = [...profile.languages]
    .sort((a, b) => (cefrRank(b.cefr) ?? 0) - (cefrRank(a.cefr) ?? 0))
    .map((language) => language.code);
  return labelLanguageFor(lang, fluent);
}

/** The profile with ESCO labels in the reader's language. */
export async function labelledProfile(
  taxonomy: TaxonomyLookup,
  profile: CandidateProfile,
  lang = 'en',
): Promise<CandidateProfileResponse> {
  const language = candidateLabelLanguage(lang, profile);
  const uris = [
    ...profile.occupations.map((entry) => entry.uri),
    ...profile.skills.map((entry) => entry.uri),
    ...profile.workExperience.map((entry) => entry.occupationUri),
  ];
  return toCandidateProfileResponse(profile, await taxonomy.labelsOf(uris, language), language);
}

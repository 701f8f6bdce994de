import type { CandidateProfile } from '@app/candidates';
import { cefrRank } from '@app/reference-data';
import { labelLanguageFor, type TaxonomyLanguage } from '@app/taxonomy';

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

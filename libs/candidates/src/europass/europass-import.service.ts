import type { Principal } from '@app/identity';
import {
  ConceptSuggestions,
  SUGGESTION_LANGUAGES,
  SUGGESTION_TEXT_MAX_LENGTH,
  type Suggestion,
  type SuggestionLanguage,
  type TaxonomyLanguage,
} from '@app/taxonomy';
import { Injectable } from '@nestjs/common';
import type { EducationEntry, LanguageEntry } from '../candidate.types';
import { CandidateProfiles } from '../use-cases/candidate-profiles.service';
import { parseEuropassCv } from './europass-cv';

export interface EuropassWorkDraft {
  position: string | null;
  /** The ESCO occupation suggested from the position's title, if one was found. */
  occupation: Suggestion | null;
  employerName: string | null;
  countryCode: string | null;
  startDate: string | null;
  endDate: string | null;
}

/** A profile proposal for the candidate to review; nothing of it is stored. */
export interface EuropassDraft {
  /** The language the CV's texts were read in (its `locale`, else English). */
  textLanguage: SuggestionLanguage;
  occupations: Suggestion[];
  skills: Suggestion[];
  languages: LanguageEntry[];
  /** Education entries complete enough for the profile (EQF level, field, country, completion year). */
  education: EducationEntry[];
  workExperience: EuropassWorkDraft[];
}

/**
 * Starts a profile from a Europass CV (Europass XML): languages and education are taken over as
 * the file states them; ESCO occupations and skills are suggested from its texts, since the format
 * codes positions with ISCO-88 rather than ESCO.
 */
@Injectable()
export class EuropassImport {
  constructor(
    private readonly profiles: CandidateProfiles,
    private readonly suggestions: ConceptSuggestions,
  ) {}

  async draft(principal: Principal, xml: string, readerLanguage: TaxonomyLanguage): Promise<EuropassDraft> {
    await this.profiles.getByAccount(principal, principal.accountId);
    const cv = parseEuropassCv(xml);
    const textLanguage = SUGGESTION_LANGUAGES.find((language) => language === cv.locale) ?? 'en';
    const suggest = (texts: (string | null)[]) =>
      this.suggestions.suggest(
        texts
          .filter((value) => value !== null)
          .join('. ')
          .slice(0, SUGGESTION_TEXT_MAX_LENGTH),
        textLanguage,
        readerLanguage,
      );
    const titles = await suggest([cv.headline, ...cv.work.map((work) => work.position)]);
    const described = await suggest([...cv.work.map((work) => work.activities), ...cv.skillTexts]);
    const workExperience: EuropassWorkDraft[] = [];
    for (const work of cv.work) {
      const found = work.position ? (await suggest([work.position])).occupations[0] : undefined;
      workExperience.push({
        position: work.position,
        occupation: found ?? null,
        employerName: work.employerName,
        countryCode: work.countryCode,
        startDate: work.from,
        endDate: work.to,
      });
    }
    return {
      textLanguage,
      occupations: titles.occupations,
      skills: [
        ...titles.skills,
        ...described.skills.filter((skill) => !titles.skills.some((s) => s.uri === skill.uri)),
      ],
      languages: cv.languages.filter(
        (language, i) => cv.languages.findIndex((other) => other.code === language.code) === i,
      ),
      education: cv.education.flatMap((entry) => {
        const field = entry.field ?? entry.title;
        return entry.eqfLevel && field && entry.countryCode && entry.completionYear
          ? [
              {
                eqfLevel: entry.eqfLevel,
                field,
                countryCode: entry.countryCode,
                completionYear: entry.completionYear,
              },
            ]
          : [];
      }),
      workExperience,
    };
  }
}

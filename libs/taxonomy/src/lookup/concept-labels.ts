import type { LocalizedLabels, TaxonomyLanguage } from '../taxonomy-language';
import { TAXONOMY_LANGUAGES } from '../taxonomy-language';

/** A concept's label for a reader, and the language it is really in. */
export interface ConceptLabel {
  label: string;
  language: TaxonomyLanguage;
}

function isTaxonomyLanguage(code: string): code is TaxonomyLanguage {
  return (TAXONOMY_LANGUAGES as readonly string[]).includes(code);
}

/**
 * The language labels are read in: the reader's own when the taxonomy has it; otherwise (Arabic)
 * the first of the person's other languages that it has, most fluent first; otherwise English.
 */
export function labelLanguageFor(
  requested: string,
  personLanguages: readonly string[] = [],
): TaxonomyLanguage {
  const code = requested.toLowerCase();
  if (isTaxonomyLanguage(code)) return code;
  return personLanguages.map((language) => language.toLowerCase()).find(isTaxonomyLanguage) ?? 'en';
}

/** The label in `language`, else in English (always present in an official release), else the key. */
export function conceptLabel(labels: LocalizedLabels, language: TaxonomyLanguage, key: string): ConceptLabel {
  const own = labels[language];
  if (own) return { label: own, language };
  return { label: labels.en ?? key, language: 'en' };
}

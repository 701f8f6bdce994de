export const TAXONOMY_LANGUAGES = ['en', 'fr', 'es'] as const;
export type TaxonomyLanguage = (typeof TAXONOMY_LANGUAGES)[number];

/** Preferred label per language; English is always present for concepts of an official release. */
export type LocalizedLabels = Partial<Record<TaxonomyLanguage, string>>;
export type LocalizedAltLabels = Partial<Record<TaxonomyLanguage, string[]>>;

export interface LabelInLanguage {
  label: string;
  /** The language the label is really in: the requested one, or English as fallback. */
  language: TaxonomyLanguage;
  altLabels: string[];
}

export function labelIn(
  preferred: LocalizedLabels,
  alt: LocalizedAltLabels,
  language: TaxonomyLanguage,
): LabelInLanguage {
  const own = preferred[language];
  if (own !== undefined) return { label: own, language, altLabels: alt[language] ?? [] };
  return { label: preferred.en ?? '', language: 'en', altLabels: alt.en ?? [] };
}

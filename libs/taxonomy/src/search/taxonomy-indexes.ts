import { PAGE_LIMIT_MAX, PAGE_OFFSET_MAX } from '@app/common';
import type { SearchIndexDefinition } from '@app/search';
import type { Settings } from 'meilisearch';
import { TAXONOMY_LANGUAGES, type TaxonomyLanguage } from '../taxonomy-language';

export const OCCUPATIONS_INDEX = 'occupations';
export const SKILLS_INDEX = 'skills';

const LOCALES: Record<TaxonomyLanguage, string> = { en: 'eng', fr: 'fra', es: 'spa' };

export const preferredField = (language: TaxonomyLanguage) => `preferredLabel_${language}`;
export const altField = (language: TaxonomyLanguage) => `altLabels_${language}`;

/** Searches one language: its preferred label ranks above its alternative labels. */
export function searchFields(language: TaxonomyLanguage): string[] {
  return [preferredField(language), altField(language)];
}

export function localeOf(language: TaxonomyLanguage): string {
  return LOCALES[language];
}

const labelSettings = (filterable: string[]): Settings => ({
  searchableAttributes: [...TAXONOMY_LANGUAGES.map(preferredField), ...TAXONOMY_LANGUAGES.map(altField)],
  filterableAttributes: ['obsolete', 'languages', ...filterable],
  // `attribute` before `proximity`: a hit on a preferred label beats a closer hit on an alternative one.
  rankingRules: ['words', 'typo', 'attribute', 'proximity', 'exactness', 'sort'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  localizedAttributes: TAXONOMY_LANGUAGES.map((language) => ({
    attributePatterns: [`*_${language}`],
    locales: [LOCALES[language]],
  })),
  // Exact totals (`page`/`hitsPerPage`) for every window the API accepts.
  pagination: { maxTotalHits: PAGE_OFFSET_MAX + PAGE_LIMIT_MAX },
});

export const OCCUPATIONS_INDEX_DEFINITION: SearchIndexDefinition = {
  name: OCCUPATIONS_INDEX,
  primaryKey: 'id',
  settings: labelSettings(['iscoCode']),
};

export const SKILLS_INDEX_DEFINITION: SearchIndexDefinition = {
  name: SKILLS_INDEX,
  primaryKey: 'id',
  settings: labelSettings(['skillType', 'reuseLevel']),
};

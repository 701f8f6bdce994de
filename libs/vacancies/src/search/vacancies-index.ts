import type { SearchIndexDefinition } from '@app/search';

export const VACANCIES_INDEX = 'vacancies';

/** Published vacancies of verified employers in participating states, for job search and matching. */
export const VACANCIES_INDEX_DEFINITION: SearchIndexDefinition = {
  name: VACANCIES_INDEX,
  primaryKey: 'id',
  settings: {
    searchableAttributes: [
      'title',
      'occupationLabel_en',
      'occupationLabel_fr',
      'occupationLabel_es',
      'employerName',
      'city',
      'region',
      'description',
    ],
    filterableAttributes: [
      'employerId',
      'memberState',
      'city',
      'occupationUri',
      'iscoGroups',
      'sector',
      'inShortage',
      'contributesToCompetitiveness',
      'languageCodes',
      'requiredLanguageCodes',
      'essentialSkillUris',
      'optionalSkillUris',
      'contractType',
      'payCurrency',
      'payPeriod',
      'payMin',
      'payMax',
      'minEqfLevel',
      'minExperienceYears',
      'publishedAt',
      'expiresAt',
    ],
    sortableAttributes: ['publishedAt', 'expiresAt', 'payMin', 'payMax'],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
    faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
    localizedAttributes: [
      { attributePatterns: ['*_en'], locales: ['eng'] },
      { attributePatterns: ['*_fr'], locales: ['fra'] },
      { attributePatterns: ['*_es'], locales: ['spa'] },
    ],
    // Exact totals for job search and statistics.
    pagination: { maxTotalHits: 1_000_000 },
  },
};

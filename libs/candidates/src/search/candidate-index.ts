import type { SearchIndexDefinition } from '@app/search';

export const CANDIDATES_INDEX = 'candidates';

/** Largest page an employer may request, and the deepest result reachable by paging. */
export const CANDIDATE_SEARCH_MAX_TOTAL_HITS = 1_000_000;

export const CANDIDATES_INDEX_DEFINITION: SearchIndexDefinition = {
  name: CANDIDATES_INDEX,
  primaryKey: 'referenceCode',
  settings: {
    // Order matters for the `attribute` rule: an occupation match outranks a skill match.
    searchableAttributes: [
      'occupations.label_en',
      'occupations.label_fr',
      'occupations.label_es',
      'occupationAltLabels',
      'skills.label_en',
      'skills.label_fr',
      'skills.label_es',
    ],
    displayedAttributes: ['*'],
    filterableAttributes: [
      'occupationUris',
      'iscoCodes',
      'iscoGroups',
      'sectors',
      'skillUris',
      'languageCodes',
      'languageRanks',
      'languageLevels',
      'maxEqfLevel',
      'yearsOfExperience',
      'residenceCountry',
      'programmeType',
      'programmePartnerCountry',
      'preferredMemberStates',
      'availableFromTimestamp',
      'expiresAtTimestamp',
      'updatedAtTimestamp',
    ],
    sortableAttributes: ['updatedAtTimestamp', 'availableFromTimestamp', 'yearsOfExperience', 'maxEqfLevel'],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    },
    // Labels are short: "same attribute or not" ranks as well as word distances, and spares the
    // word-pair proximity database, the costliest part of indexing and of multi-word queries.
    proximityPrecision: 'byAttribute',
    // No facet-value search box exists; counts come from the facet distribution alone.
    facetSearch: false,
    // Statistics read top groups and every language level from facet counts: keep room for them.
    faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: CANDIDATE_SEARCH_MAX_TOTAL_HITS },
  },
};

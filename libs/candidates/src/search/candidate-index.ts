import type { SearchIndexDefinition } from '@app/search';

export const CANDIDATES_INDEX = 'candidates';

export const CANDIDATES_INDEX_DEFINITION: SearchIndexDefinition = {
  name: CANDIDATES_INDEX,
  primaryKey: 'referenceCode',
  settings: {
    searchableAttributes: [
      'occupations.label_en',
      'occupations.label_fr',
      'occupations.label_es',
      'skills.label_en',
      'skills.label_fr',
      'skills.label_es',
    ],
    filterableAttributes: [
      'occupationUris',
      'iscoCodes',
      'skillUris',
      'languageCodes',
      'languageRanks',
      'maxEqfLevel',
      'yearsOfExperience',
      'residenceCountry',
      'programmeType',
      'programmePartnerCountry',
      'preferredMemberStates',
      'availableFromTimestamp',
      'updatedAtTimestamp',
    ],
    sortableAttributes: ['updatedAtTimestamp', 'availableFromTimestamp', 'yearsOfExperience', 'maxEqfLevel'],
    localizedAttributes: [
      { attributePatterns: ['*.label_en'], locales: ['eng'] },
      { attributePatterns: ['*.label_fr'], locales: ['fra'] },
      { attributePatterns: ['*.label_es'], locales: ['spa'] },
    ],
    pagination: { maxTotalHits: 10_000 },
  },
};

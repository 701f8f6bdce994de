import { labelIn } from '../taxonomy-language';
import { conceptDocument, documentId } from './taxonomy-documents';

describe('taxonomy search documents', () => {
  it('derives Meilisearch-safe ids from ESCO URIs', () => {
    expect(documentId('http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab')).toBe(
      '0005c151-5b5a-4a66-8aac-60e734beb1ab',
    );
    expect(documentId('http://example.org/a:b')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('flattens labels into one field per language and lists the languages present', () => {
    const sut = conceptDocument(
      {
        uri: 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b',
        preferredLabels: { en: 'welder', fr: 'soudeur/soudeuse' },
        altLabels: { en: ['welding fitter'] },
        obsolete: false,
      },
      { iscoCode: '7212' },
    );
    expect(sut).toMatchObject({
      id: '7aedaa07-3884-4c5b-88f9-80997b2aa54b',
      languages: ['en', 'fr'],
      preferredLabel_en: 'welder',
      preferredLabel_fr: 'soudeur/soudeuse',
      preferredLabel_es: null,
      altLabels_en: ['welding fitter'],
      altLabels_fr: [],
      iscoCode: '7212',
    });
  });

  it('falls back to English for a language the concept has no label in', () => {
    expect(labelIn({ en: 'welder' }, { en: ['a'] }, 'es')).toEqual({
      label: 'welder',
      language: 'en',
      altLabels: ['a'],
    });
  });
});

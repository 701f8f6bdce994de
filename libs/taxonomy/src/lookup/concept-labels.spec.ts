import { conceptLabel, labelLanguageFor } from './concept-labels';

describe('concept labels', () => {
  it('reads labels in the reader’s language when the taxonomy has it', () => {
    expect(labelLanguageFor('fr', ['es'])).toBe('fr');
    expect(labelLanguageFor('ES')).toBe('es');
  });

  it('falls back for Arabic to the person’s first language the taxonomy has, then to English', () => {
    expect(labelLanguageFor('ar', ['ar', 'fr', 'en'])).toBe('fr');
    expect(labelLanguageFor('ar', ['ar', 'de'])).toBe('en');
    expect(labelLanguageFor('ar')).toBe('en');
  });

  it('marks an English fallback where a concept lacks the language', () => {
    expect(conceptLabel({ en: 'welder', fr: 'soudeur' }, 'fr', 'u')).toEqual({
      label: 'soudeur',
      language: 'fr',
    });
    expect(conceptLabel({ en: 'welder' }, 'es', 'u')).toEqual({ label: 'welder', language: 'en' });
    expect(conceptLabel({}, 'es', '7212')).toEqual({ label: '7212', language: 'en' });
  });
});

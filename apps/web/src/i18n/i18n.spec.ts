import { inSentence, translator } from './i18n';

describe('field names inside error messages', () => {
  it('reads a label in lower case inside a sentence, and as written where it starts one', () => {
    const en = translator('en');
    expect(en('errors.required', { field: 'Reason' })).toBe('Enter reason');
    expect(en('errors.choose', { field: 'Education level' })).toBe('Choose education level');
    expect(en('errors.invalid', { field: 'Reason' })).toBe('Reason is not valid');
    expect(translator('fr')('errors.choose', { field: 'Niveau d’études' })).toBe('Choisissez niveau d’études');
    expect(translator('es')('errors.required', { field: 'Año de finalización' })).toBe('Indique año de finalización');
    expect(translator('ar')('errors.choose', { field: 'البلد' })).toBe('اختر البلد');
  });

  it('keeps acronyms and names that carry further capitals', () => {
    expect(inSentence('EQF level')).toBe('EQF level');
    expect(inSentence('Member State')).toBe('Member State');
    expect(inSentence('État membre', 'fr')).toBe('état membre');
    expect(inSentence('')).toBe('');
  });
});

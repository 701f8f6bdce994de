import { parseTalentQuery, queryOf, talentCriteria, talentPageSearchBody, talentSearchBody, talentSearchString } from './talent-query';

const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';

describe('the talent search held in the address', () => {
  it('reads repeated facets and numbers, and writes the same address back', () => {
    const search = `text=welder&occupations=${encodeURIComponent(WELDER)}&sectors=construction&sectors=manufacturing&residenceCountries=MA&minEqfLevel=4&offset=20`;
    const state = parseTalentQuery(queryOf(search));
    expect(state).toMatchObject({ text: 'welder', occupations: [WELDER], sectors: ['construction', 'manufacturing'], residenceCountries: ['MA'], minEqfLevel: 4, offset: 20 });
    expect(talentSearchString(state)).toBe(search);
  });

  it('drops what is malformed instead of refusing the page', () => {
    const state = parseTalentQuery({ sectors: ['Construction!', 'ict'], residenceCountries: 'morocco', minEqfLevel: '12', offset: '-3', sort: 'cheapest', programme: ['any', 'x'] });
    expect(state).toMatchObject({ sectors: ['ict'], residenceCountries: [], minEqfLevel: null, offset: 0, sort: 'relevance', programme: ['any'] });
  });

  it('gives the API only the criteria that are set', () => {
    const state = parseTalentQuery({ text: 'soudeur', minYearsOfExperience: '0' });
    expect(talentCriteria(state)).toEqual({ text: 'soudeur', minYearsOfExperience: 0, sort: 'relevance' });
  });

  it('starts at the first page when a facet changes and keeps the rest', () => {
    const state = parseTalentQuery({ text: 'welder', offset: '40' });
    expect(talentSearchString(state, { sectors: ['construction'], offset: 0 })).toBe('text=welder&sectors=construction');
  });

  it('asks the engine for the facet counts the page shows and no others; a saved search keeps none', () => {
    const state = parseTalentQuery({ text: 'welder', offset: '20' });
    expect(talentPageSearchBody(state, 'fr')).toEqual({
      text: 'welder',
      sort: 'relevance',
      lang: 'fr',
      limit: 20,
      offset: 20,
      facets: ['occupationUris', 'sectors', 'residenceCountry', 'preferredMemberStates', 'programmeType', 'maxEqfLevel'],
    });
    expect(talentSearchBody(state, 'fr')).not.toHaveProperty('facets');
  });
});

import { buildTalentSearch, talentFilter, type TalentQuery } from './talent-query';

const NOW = new Date('2026-05-01T00:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const base: TalentQuery = { sort: 'relevance', limit: 20, offset: 0 };

describe('talentFilter', () => {
  it('always hides profiles past their validity', () => {
    expect(talentFilter(base, NOW)).toEqual([`expiresAtTimestamp > ${NOW_S}`]);
  });

  it('turns every criterion into a clause, all-of skills as one clause per skill', () => {
    const filter = talentFilter(
      {
        ...base,
        occupations: ['http://data.europa.eu/esco/occupation/a'],
        iscoGroups: ['72'],
        sectors: ['construction'],
        skillsAll: ['s1', 's2'],
        skillsAny: ['s3', 's4'],
        languages: [{ code: 'DE', minCefr: 'b1' }],
        minEqfLevel: 4,
        minYearsOfExperience: 3,
        residenceCountries: ['ma'],
        programme: ['talent_partnership'],
        preferredMemberStates: ['nl'],
        availableBy: '2026-09-01',
      },
      NOW,
    );
    expect(filter).toEqual([
      `expiresAtTimestamp > ${NOW_S}`,
      'occupationUris IN ["http://data.europa.eu/esco/occupation/a"]',
      'iscoGroups IN ["72"]',
      'sectors IN ["construction"]',
      'skillUris = "s1"',
      'skillUris = "s2"',
      'skillUris IN ["s3", "s4"]',
      'languageRanks.de >= 3',
      'maxEqfLevel >= 4',
      'yearsOfExperience >= 3',
      'residenceCountry IN ["MA"]',
      'programmeType IN ["talent_partnership"]',
      'preferredMemberStates IN ["NL"]',
      `(availableFromTimestamp IS NULL OR availableFromTimestamp <= ${Date.UTC(2026, 8, 1) / 1000})`,
    ]);
  });

  it('reads programme "any" as any programme at all', () => {
    expect(talentFilter({ ...base, programme: ['any', 'bilateral'] }, NOW)).toContain(
      'programmeType IS NOT NULL',
    );
  });

  it('quotes values so they cannot break out of the expression', () => {
    expect(talentFilter({ ...base, sectors: ['x"] OR true'] }, NOW)[1]).toBe('sectors IN ["x\\"] OR true"]');
  });

  it('refuses a language code that is not two letters', () => {
    expect(() => talentFilter({ ...base, languages: [{ code: 'fr OR 1', minCefr: 'B2' }] }, NOW)).toThrow();
  });
});

describe('buildTalentSearch', () => {
  it('asks for exact totals, default facets without skills, and skill highlights only with text', () => {
    const request = buildTalentSearch(
      { ...base, text: ' soudeur ', sort: 'most_experienced', offset: 40 },
      NOW,
    );
    expect(request).toMatchObject({
      q: 'soudeur',
      page: 3,
      hitsPerPage: 20,
      sort: ['yearsOfExperience:desc'],
      attributesToHighlight: ['skills.label_en'],
    });
    expect(request.facets).not.toContain('skillUris');
    expect(buildTalentSearch(base, NOW).attributesToHighlight).toBeUndefined();
    // With text, labels come only in the highlighted copy; without, from the document itself.
    const french = buildTalentSearch({ ...base, text: 'x', language: 'fr' }, NOW);
    expect(french.attributesToHighlight).toEqual(['skills.label_fr']);
    expect(french.attributesToRetrieve).not.toContain('skills.label_fr');
    expect(buildTalentSearch({ ...base, language: 'fr' }, NOW).attributesToRetrieve).toContain(
      'skills.label_fr',
    );
    expect(request.attributesToRetrieve).not.toEqual(expect.arrayContaining(['expiresAtTimestamp']));
  });
});

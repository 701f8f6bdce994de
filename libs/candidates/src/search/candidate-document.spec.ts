import { candidateDocument, type CandidateIndexSource } from './candidate-document';

const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const WELD = 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000001';

const source: CandidateIndexSource = {
  referenceCode: 'TP-ABCD-EFGH',
  residenceCountry: 'MA',
  occupations: [
    {
      uri: WELDER,
      iscoCode: '7212',
      labels: { en: 'welder', fr: 'soudeur', es: 'soldador' },
      altLabels: { en: ['welding operator'], fr: ['soudeur', 'opérateur de soudage'] },
      yearsOfExperience: 6,
    },
  ],
  sectors: ['manufacturing'],
  skills: [
    {
      uri: WELD,
      labels: { en: 'weld metal', fr: 'souder du métal' },
      level: 'advanced',
      yearsOfExperience: 5,
      viaProgramme: true,
    },
  ],
  languages: [
    { code: 'fr', cefr: 'B2', cefrRank: 4 },
    { code: 'ar', cefr: 'C2', cefrRank: 6 },
  ],
  eqfLevels: [3, 4],
  preferredMemberStates: ['DE', 'BE'],
  earliestStartDate: '2026-09-01',
  programme: { type: 'talent_partnership', partnerCountry: 'MA' },
  expiresAt: new Date('2027-03-01T10:00:00Z'),
  updatedAt: new Date('2026-03-01T10:00:00Z'),
};

describe('candidateDocument', () => {
  it('holds exactly the pseudonymised fields search and matching need', () => {
    const document = candidateDocument(source);
    expect(Object.keys(document).sort()).toEqual(
      [
        'availableFrom',
        'availableFromTimestamp',
        'expiresAtTimestamp',
        'iscoCodes',
        'iscoGroups',
        'languageLevels',
        'occupationAltLabels',
        'sectors',
        'languageCodes',
        'languageRanks',
        'languages',
        'maxEqfLevel',
        'occupationUris',
        'occupations',
        'preferredMemberStates',
        'programmePartnerCountry',
        'programmeType',
        'referenceCode',
        'residenceCountry',
        'skillUris',
        'skills',
        'updatedAt',
        'updatedAtTimestamp',
        'yearsOfExperience',
      ].sort(),
    );
    expect(Object.keys(document.occupations[0]).sort()).toEqual(
      ['iscoCode', 'label_en', 'label_es', 'label_fr', 'uri', 'yearsOfExperience'].sort(),
    );
    expect(Object.keys(document.skills[0]).sort()).toEqual(
      ['key', 'label_en', 'label_fr', 'level', 'viaProgramme', 'yearsOfExperience'].sort(),
    );
    expect(Object.keys(document.languages[0]).sort()).toEqual(['cefr', 'cefrRank', 'code']);
  });

  it('derives filterable values', () => {
    expect(candidateDocument(source)).toMatchObject({
      referenceCode: 'TP-ABCD-EFGH',
      occupationUris: [WELDER],
      iscoCodes: ['7212'],
      iscoGroups: ['7', '72', '721', '7212'],
      occupationAltLabels: ['welding operator', 'soudeur', 'opérateur de soudage'],
      sectors: ['manufacturing'],
      languageLevels: ['fr:B2', 'ar:C2'],
      expiresAtTimestamp: Date.UTC(2027, 2, 1, 10) / 1000,
      skillUris: [WELD],
      languageRanks: { fr: 4, ar: 6 },
      maxEqfLevel: 4,
      yearsOfExperience: 6,
      programmeType: 'talent_partnership',
      programmePartnerCountry: 'MA',
      availableFrom: '2026-09-01',
      availableFromTimestamp: Date.UTC(2026, 8, 1) / 1000,
      updatedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(candidateDocument(source).skills[0]).toEqual({
      key: '00000000-0000-4000-8000-000000000001',
      label_en: 'weld metal',
      label_fr: 'souder du métal',
      level: 'advanced',
      yearsOfExperience: 5,
      viaProgramme: true,
    });
  });

  it('holds skills compactly, strongest first: by level, then years', () => {
    const skill = (n: number, level: 'basic' | 'expert' | null, yearsOfExperience: number | null) => ({
      uri: `http://data.europa.eu/esco/skill/00000000-0000-4000-8000-00000000000${n}`,
      labels: { en: `skill ${n}` },
      level,
      yearsOfExperience,
      viaProgramme: false,
    });
    const document = candidateDocument({
      ...source,
      skills: [skill(1, null, null), skill(2, 'basic', 9), skill(3, 'expert', 1), skill(4, 'basic', 10)],
    });
    expect(document.skills.map((entry) => entry.label_en)).toEqual([
      'skill 3',
      'skill 4',
      'skill 2',
      'skill 1',
    ]);
    expect(document.skills[3]).toEqual({ key: '00000000-0000-4000-8000-000000000001', label_en: 'skill 1' });
    expect(document.skillUris).toHaveLength(4);
  });

  it('copes with an empty education and no start date', () => {
    const document = candidateDocument({
      ...source,
      eqfLevels: [],
      earliestStartDate: null,
      programme: null,
    });
    expect(document).toMatchObject({ maxEqfLevel: null, availableFromTimestamp: null, programmeType: null });
  });
});

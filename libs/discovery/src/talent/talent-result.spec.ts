import { highlightRanges, toTalentHit, type TalentDocumentHit } from './talent-result';

const hit: TalentDocumentHit = {
  referenceCode: 'TP-ABCD-EFGH',
  occupations: [{ uri: 'o1', iscoCode: '7212', label_fr: 'soudeur', yearsOfExperience: 6 }],
  skills: [
    { uri: 's1', label_fr: 'souder du métal', level: 'advanced', yearsOfExperience: 5, viaProgramme: true },
    { uri: 's2', label_fr: 'lire des plans', level: null, yearsOfExperience: null, viaProgramme: false },
    { uri: 's3', label_fr: null, level: null, yearsOfExperience: null, viaProgramme: false },
  ],
  languages: [{ code: 'fr', cefr: 'B2' }],
  maxEqfLevel: 4,
  yearsOfExperience: 6,
  residenceCountry: 'MA',
  programmeType: null,
  programmePartnerCountry: null,
  preferredMemberStates: ['DE'],
  availableFrom: null,
  updatedAt: '2026-03-01T10:00:00.000Z',
  _formatted: {
    skills: [{ label_fr: '\u0002souder\u0003 du \u0002métal\u0003' }, { label_fr: 'lire des plans' }, {}],
  },
};

describe('toTalentHit', () => {
  it('gives labels in the requested language only', () => {
    const result = toTalentHit(hit, new Set(), 'fr');
    expect(result.occupations[0]).toEqual({
      uri: 'o1',
      iscoCode: '7212',
      label: 'soudeur',
      yearsOfExperience: 6,
    });
    expect(result.skills.map((skill) => skill.label)).toEqual(['souder du métal', 'lire des plans', null]);
  });

  it('lists the skills highlighted in the requested language and those named by a filter', () => {
    expect(toTalentHit(hit, new Set(['s3']), 'fr').matchedSkills).toEqual([
      {
        uri: 's1',
        label: 'souder du métal',
        language: 'fr',
        highlights: [
          { start: 0, length: 6 },
          { start: 10, length: 5 },
        ],
      },
      { uri: 's3', label: '', language: 'fr', highlights: [] },
    ]);
    expect(toTalentHit({ ...hit, _formatted: undefined }, new Set(), 'fr').matchedSkills).toEqual([]);
  });

  it('reads highlight ranges in characters of the untagged label', () => {
    expect(highlightRanges('read \u0002blueprints\u0003')).toEqual([{ start: 5, length: 10 }]);
    expect(highlightRanges('no match')).toEqual([]);
  });
});

import {
  CARD_SKILLS,
  highlightRanges,
  toTalentHit,
  toTalentProfile,
  type TalentDocumentHit,
} from './talent-result';

const SKILL = 'http://data.europa.eu/esco/skill/';
const key = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const hit: TalentDocumentHit = {
  referenceCode: 'TP-ABCD-EFGH',
  occupations: [{ uri: 'o1', iscoCode: '7212', label_fr: 'soudeur', yearsOfExperience: 6 }],
  skills: [
    { key: key(1), level: 'advanced', yearsOfExperience: 5, viaProgramme: true },
    { key: key(2) },
    { key: key(3) },
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
  it('gives labels in the requested language, untagged, and full skill URIs', () => {
    const result = toTalentHit(hit, new Set(), 'fr');
    expect(result.occupations[0]).toEqual({
      uri: 'o1',
      iscoCode: '7212',
      label: 'soudeur',
      yearsOfExperience: 6,
    });
    expect(result.topSkills).toEqual([
      {
        uri: SKILL + key(1),
        label: 'souder du métal',
        level: 'advanced',
        yearsOfExperience: 5,
        viaProgramme: true,
      },
      {
        uri: SKILL + key(2),
        label: 'lire des plans',
        level: null,
        yearsOfExperience: null,
        viaProgramme: false,
      },
      { uri: SKILL + key(3), label: null, level: null, yearsOfExperience: null, viaProgramme: false },
    ]);
    expect(result.skillCount).toBe(3);
  });

  it('reads labels from the document itself when the search had no text', () => {
    const plain = {
      ...hit,
      skills: [{ key: key(1), label_fr: 'souder du métal' }],
      _formatted: undefined,
    };
    expect(toTalentHit(plain, new Set(), 'fr').topSkills[0].label).toBe('souder du métal');
  });

  it('lists the skills highlighted in the requested language and those named by a filter', () => {
    expect(toTalentHit(hit, new Set([SKILL + key(3)]), 'fr').matchedSkills).toEqual([
      {
        uri: SKILL + key(1),
        label: 'souder du métal',
        language: 'fr',
        highlights: [
          { start: 0, length: 6 },
          { start: 10, length: 5 },
        ],
      },
      { uri: SKILL + key(3), label: '', language: 'fr', highlights: [] },
    ]);
    expect(toTalentHit({ ...hit, _formatted: undefined }, new Set(), 'fr').matchedSkills).toEqual([]);
  });

  it('shows at most a card of skills, the matched ones first', () => {
    const many: TalentDocumentHit = {
      ...hit,
      skills: Array.from({ length: 20 }, (_, n) => ({ key: key(n), label_en: `skill ${n}` })),
      _formatted: {
        skills: Array.from({ length: 20 }, (_, n) => ({
          label_en: n === 15 ? 'skill \u000215\u0003' : `skill ${n}`,
        })),
      },
    };
    const result = toTalentHit(many, new Set([SKILL + key(12)]), 'en');
    expect(result.skillCount).toBe(20);
    expect(result.topSkills).toHaveLength(CARD_SKILLS);
    expect(result.topSkills.map((skill) => skill.label)).toEqual([
      'skill 12',
      'skill 15',
      ...Array.from({ length: CARD_SKILLS - 2 }, (_, n) => `skill ${n}`),
    ]);
  });

  it('reads highlight ranges in characters of the untagged label', () => {
    expect(highlightRanges('read \u0002blueprints\u0003')).toEqual([{ start: 5, length: 10 }]);
    expect(highlightRanges('no match')).toEqual([]);
  });
});

describe('toTalentProfile', () => {
  it('keeps every skill, strongest first as the document holds them', () => {
    const profile = toTalentProfile(
      { ...hit, skills: Array.from({ length: 20 }, (_, n) => ({ key: key(n), label_es: `s${n}` })) },
      'es',
    );
    expect(profile.skills).toHaveLength(20);
    expect(profile.skills[19]).toEqual({
      uri: SKILL + key(19),
      label: 's19',
      level: null,
      yearsOfExperience: null,
      viaProgramme: false,
    });
    expect(Object.keys(profile)).not.toContain('matchedSkills');
  });
});

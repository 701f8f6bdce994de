import { DEFAULT_MATCH_WEIGHTS, DEFAULT_PROXIMITY_CREDITS, MATCH_FACTORS, normaliseWeights } from './factors';
import type { MatchCandidateInput, MatchVacancyInput } from './match-input';
import type { ScoringModel } from './score';
import { scoreMatch } from './score-match';
import { SkillSpace } from './skill-space';

const S = (name: string) => `http://data.europa.eu/esco/skill/${name}`;
const WELDER = 'http://data.europa.eu/esco/occupation/welder';
const PIPE_WELDER = 'http://data.europa.eu/esco/occupation/pipe-welder';
const FLAMECUTTER = 'http://data.europa.eu/esco/occupation/flamecutter';
const NURSE = 'http://data.europa.eu/esco/occupation/nurse';

function model(overrides: Partial<ScoringModel> = {}): ScoringModel {
  return {
    weights: normaliseWeights(DEFAULT_MATCH_WEIGHTS),
    proximity: DEFAULT_PROXIMITY_CREDITS,
    languageMode: 'hard',
    space: new SkillSpace({
      broader: [[S('tig-welding'), S('weld')]],
      related: [[S('read-blueprints'), S('technical-drawing')]],
    }),
    ...overrides,
  };
}

function vacancy(overrides: Partial<MatchVacancyInput> = {}): MatchVacancyInput {
  return {
    id: 'v1',
    occupationUri: WELDER,
    iscoCode: '7212',
    memberState: 'NL',
    startDate: '2026-09-01',
    skills: [
      { uri: S('weld'), requirement: 'essential' },
      { uri: S('read-blueprints'), requirement: 'essential' },
      { uri: S('grind'), requirement: 'optional' },
    ],
    languages: [{ code: 'en', minCefrRank: 3, requirement: 'required' }],
    minEqfLevel: 4,
    minExperienceYears: 2,
    ...overrides,
  };
}

function candidate(overrides: Partial<MatchCandidateInput> = {}): MatchCandidateInput {
  return {
    id: 'c1',
    occupations: [{ uri: WELDER, iscoCode: '7212', yearsOfExperience: 4 }],
    skills: [S('weld'), S('read-blueprints'), S('grind')],
    languages: [{ code: 'en', cefrRank: 4 }],
    eqfLevel: 4,
    preferredMemberStates: ['NL'],
    earliestStartDate: '2026-08-01',
    ...overrides,
  };
}

const factor = (result: ReturnType<typeof scoreMatch>, name: string) =>
  result!.explanation.factors.find((entry) => entry.factor === name)!;

describe('scoreMatch', () => {
  it('gives a perfect candidate the full score, explained factor by factor', () => {
    const sut = scoreMatch(vacancy(), candidate(), model());
    expect(sut!.score).toBe(1);
    expect(sut!.explanation.missingEssentialSkills).toEqual([]);
    const total = sut!.explanation.factors.reduce((sum, entry) => sum + entry.contribution, 0);
    expect(total).toBeCloseTo(1, 3);
  });

  it('weighs a rare required skill above a common one; holding all of them still earns the whole weight', () => {
    const space = new SkillSpace({
      broader: [],
      related: [],
      profiles: {
        occupations: 100,
        listing: [
          [S('weld'), 2],
          [S('read-blueprints'), 60],
        ],
      },
    });
    const rarity = model({ space });
    const rare = scoreMatch(vacancy(), candidate({ skills: [S('weld'), S('grind')] }), rarity);
    const common = scoreMatch(vacancy(), candidate({ skills: [S('read-blueprints'), S('grind')] }), rarity);
    // ln(1 + 100/2) against ln(1 + 100/60): 0.80 and 0.20 of the essential weight.
    expect(factor(rare, 'essentialSkills').value).toBeCloseTo(0.8, 2);
    expect(factor(common, 'essentialSkills').value).toBeCloseTo(0.2, 2);
    expect(rare!.score).toBeGreaterThan(common!.score);
    expect(scoreMatch(vacancy(), candidate(), rarity)!.score).toBe(1);
    // Without profile counts every skill weighs the same.
    const plain = scoreMatch(vacancy(), candidate({ skills: [S('weld'), S('grind')] }), model());
    expect(factor(plain, 'essentialSkills').value).toBeCloseTo(0.5, 3);
    expect(space.rarity(space.id(S('never-listed')))).toBeCloseTo(Math.log(101), 6);
  });

  it('is deterministic', () => {
    const runs = Array.from({ length: 3 }, () =>
      scoreMatch(vacancy(), candidate({ skills: [S('weld')] }), model()),
    );
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it('lists missing essential skills and lowers essential coverage', () => {
    const sut = scoreMatch(vacancy(), candidate({ skills: [S('weld')] }), model());
    expect(sut!.explanation.missingEssentialSkills).toEqual([S('read-blueprints')]);
    expect(factor(sut, 'essentialSkills').value).toBe(0.5);
    expect(factor(sut, 'optionalSkills').value).toBe(0);
  });

  it('gives partial credit through ESCO proximity and records the relation used', () => {
    const sut = scoreMatch(
      vacancy(),
      candidate({ skills: [S('tig-welding'), S('technical-drawing')] }),
      model(),
    );
    expect(sut!.explanation.matchedSkills).toEqual([
      expect.objectContaining({ uri: S('weld'), relation: 'narrower', via: S('tig-welding'), credit: 0.6 }),
      expect.objectContaining({
        uri: S('read-blueprints'),
        relation: 'related',
        via: S('technical-drawing'),
      }),
    ]);
    expect(factor(sut, 'essentialSkills').value).toBe(0);
    expect(factor(sut, 'skillProximity').contribution).toBeGreaterThan(0);
    const exact = scoreMatch(vacancy(), candidate(), model())!.score;
    expect(sut!.score).toBeLessThan(exact);
  });

  it('ranks occupations: same ESCO occupation > same ISCO unit group > same minor group > other', () => {
    const scoreWith = (uri: string, iscoCode: string) =>
      factor(
        scoreMatch(vacancy(), candidate({ occupations: [{ uri, iscoCode, yearsOfExperience: 4 }] }), model()),
        'occupation',
      ).value;
    expect(scoreWith(WELDER, '7212')).toBe(1);
    expect(scoreWith(PIPE_WELDER, '7212')).toBe(0.2);
    expect(scoreWith(FLAMECUTTER, '7213')).toBe(0.1);
    expect(scoreWith(NURSE, '2221')).toBe(0);
  });

  it('excludes a candidate below a required CEFR level in hard mode, and scores them lower in soft mode', () => {
    const weak = candidate({ languages: [{ code: 'en', cefrRank: 2 }] });
    expect(scoreMatch(vacancy(), weak, model())).toBeNull();
    const soft = scoreMatch(vacancy(), weak, model({ languageMode: 'soft' }));
    expect(factor(soft, 'languages').value).toBeCloseTo(1 / 3, 3);
  });

  it('scores EQF level, experience, preferred Member State and start date', () => {
    const sut = scoreMatch(
      vacancy(),
      candidate({
        eqfLevel: 3,
        occupations: [{ uri: WELDER, iscoCode: '7212', yearsOfExperience: 1 }],
        preferredMemberStates: ['DE'],
        earliestStartDate: '2026-11-30',
      }),
      model(),
    );
    expect(factor(sut, 'education').value).toBe(0.5);
    expect(factor(sut, 'experience').value).toBe(0.5);
    expect(factor(sut, 'memberState').value).toBe(0);
    expect(factor(sut, 'startDate').value).toBeCloseTo(1 - 90 / 180, 3);
    expect(
      factor(scoreMatch(vacancy(), candidate({ preferredMemberStates: [] }), model()), 'memberState').value,
    ).toBe(0.5);
  });

  it('reads Member State preferences alike for codes with a bit and for those past the 31 bits', () => {
    // Codes get their bits in order of first sight; these use up whatever bits are left.
    const codes = Array.from({ length: 40 }, (_, i) => `Q${String.fromCharCode(65 + (i % 26))}${i}`);
    const value = (state: string, preferred: string[]) =>
      factor(
        scoreMatch(vacancy({ memberState: state }), candidate({ preferredMemberStates: preferred }), model()),
        'memberState',
      ).value;
    for (const code of codes) {
      expect(value(code, [code])).toBe(1);
      expect(value(code, ['NL'])).toBe(0);
      expect(value('NL', [code])).toBe(0);
      expect(value(code, [])).toBe(0.5);
    }
    expect(value(codes[39], [codes[0], codes[39]])).toBe(1);
    expect(value(codes[38], [codes[0], codes[39]])).toBe(0);
  });

  it('ignores factors the vacancy does not ask about', () => {
    const sut = scoreMatch(
      vacancy({ languages: [], minEqfLevel: null, minExperienceYears: null, startDate: null }),
      candidate({ languages: [], eqfLevel: null }),
      model(),
    );
    for (const name of ['languages', 'education', 'experience', 'startDate'])
      expect(factor(sut, name).weight).toBe(0);
    expect(sut!.score).toBe(1);
  });

  it('does not match a candidate with nothing in common', () => {
    const sut = scoreMatch(
      vacancy(),
      candidate({
        skills: [S('care')],
        occupations: [{ uri: NURSE, iscoCode: '2221', yearsOfExperience: 9 }],
      }),
      model(),
    );
    expect(sut).toBeNull();
  });

  it('weights come from configuration', () => {
    const skillsOnly = model({
      weights: normaliseWeights({ ...DEFAULT_MATCH_WEIGHTS, occupation: 0, memberState: 0 }),
    });
    const sut = scoreMatch(vacancy(), candidate({ preferredMemberStates: ['DE'] }), skillsOnly);
    expect(factor(sut, 'occupation').weight).toBe(0);
    expect(sut!.score).toBe(1);
  });
});

describe('what matching may read', () => {
  it('has exactly these factors', () => {
    expect(MATCH_FACTORS).toEqual([
      'essentialSkills',
      'optionalSkills',
      'skillProximity',
      'occupation',
      'languages',
      'education',
      'experience',
      'memberState',
      'startDate',
    ]);
  });

  it('reads no protected attribute or proxy of one', () => {
    // The compiler insists this lists every field of the scoring input, so a new field shows up here.
    const fields = {
      id: true,
      occupations: true,
      skills: true,
      languages: true,
      eqfLevel: true,
      preferredMemberStates: true,
      earliestStartDate: true,
    } satisfies Record<keyof MatchCandidateInput, true>;
    const protectedAttributes = [
      'name',
      'givenName',
      'familyName',
      'gender',
      'sex',
      'age',
      'dateOfBirth',
      'nationality',
      'citizenships',
      'residenceCountry',
      'photo',
      'email',
      'phone',
      'programme',
    ];
    expect(Object.keys(fields).filter((field) => protectedAttributes.includes(field))).toEqual([]);
    expect(Object.keys(fields).sort()).toEqual(Object.keys(candidate()).sort());
  });

  it('scores the same whatever identity data a caller attaches', () => {
    const withIdentity = { ...candidate(), givenName: 'Amina', gender: 'f', nationality: 'MA', age: 29 };
    expect(scoreMatch(vacancy(), withIdentity, model())).toEqual(scoreMatch(vacancy(), candidate(), model()));
  });
});

import { DEFAULT_MATCH_WEIGHTS, DEFAULT_PROXIMITY_CREDITS, normaliseWeights } from '../scoring/factors';
import { scoreMatch } from '../scoring/score-match';
import { SkillSpace } from '../scoring/skill-space';
import { expandExplanation, storedExplanation } from './stored-explanation';

const S = (name: string) => `http://data.europa.eu/esco/skill/${name}`;

describe('stored explanations', () => {
  const model = {
    weights: normaliseWeights(DEFAULT_MATCH_WEIGHTS),
    proximity: DEFAULT_PROXIMITY_CREDITS,
    languageMode: 'hard' as const,
    space: new SkillSpace({ broader: [[S('tig-welding'), S('weld')]], related: [] }),
  };
  const sut = scoreMatch(
    {
      id: 'v1',
      occupationUri: 'http://data.europa.eu/esco/occupation/welder',
      iscoCode: '7212',
      memberState: 'NL',
      startDate: '2026-09-01',
      skills: [
        { uri: S('weld'), requirement: 'essential' },
        { uri: S('grind'), requirement: 'essential' },
        { uri: 'urn:local:skill:cut', requirement: 'optional' },
        { uri: S('paint'), requirement: 'optional' },
      ],
      languages: [{ code: 'en', minCefrRank: 3, requirement: 'preferred' }],
      minEqfLevel: 4,
      minExperienceYears: 2,
    },
    {
      id: 'c1',
      occupations: [
        { uri: 'http://data.europa.eu/esco/occupation/pipe-welder', iscoCode: '7212', yearsOfExperience: 1 },
      ],
      skills: [S('tig-welding'), 'urn:local:skill:cut'],
      languages: [{ code: 'en', cefrRank: 2 }],
      eqfLevel: 3,
      preferredMemberStates: [],
      earliestStartDate: '2026-10-15',
    },
    model,
  )!.explanation;

  it('expands to exactly the explanation it was made from', () => {
    expect(expandExplanation(storedExplanation(sut))).toEqual(sut);
  });

  it('is a fraction of the full form in JSON', () => {
    expect(storedExplanation(sut).length).toBeLessThan(JSON.stringify(sut).length / 2);
  });

  it('reads rows written in the full form, and takes an explanation in hand as it is', () => {
    expect(expandExplanation(JSON.stringify(sut))).toEqual(sut);
    expect(expandExplanation(sut)).toBe(sut);
  });
});

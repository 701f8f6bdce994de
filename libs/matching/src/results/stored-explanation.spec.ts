import { DEFAULT_MATCH_WEIGHTS, DEFAULT_PROXIMITY_CREDITS, normaliseWeights } from '../scoring/factors';
import { scoreMatch } from '../scoring/score-match';
import { SkillSpace } from '../scoring/skill-space';
import { expandExplanation, storedExplanation } from './stored-explanation';

const PREFIX = 'http://data.europa.eu/esco/skill/';
/** ESCO skill URIs of the usual form: the common prefix and a UUID. */
const SKILLS = {
  weld: `${PREFIX}0005c151-5b5a-4a66-8aac-60e734beb1ab`,
  tigWelding: `${PREFIX}fd33a47c-6f4a-4d7b-9c1e-0a2b3c4d5e6f`,
  grind: `${PREFIX}ffffffff-0000-4000-8000-123456789abc`,
  paint: `${PREFIX}12345678-9abc-4def-8123-456789abcdef`,
};

describe('stored explanations', () => {
  const model = {
    weights: normaliseWeights(DEFAULT_MATCH_WEIGHTS),
    proximity: DEFAULT_PROXIMITY_CREDITS,
    languageMode: 'hard' as const,
    space: new SkillSpace({ broader: [[SKILLS.tigWelding, SKILLS.weld]], related: [] }),
  };
  const sut = scoreMatch(
    {
      id: 'v1',
      occupationUri: 'http://data.europa.eu/esco/occupation/welder',
      iscoCode: '7212',
      memberState: 'NL',
      startDate: '2026-09-01',
      skills: [
        { uri: SKILLS.weld, requirement: 'essential' },
        { uri: SKILLS.grind, requirement: 'essential' },
        { uri: 'urn:local:skill:cut', requirement: 'optional' },
        { uri: `${PREFIX}paint`, requirement: 'optional' },
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
      skills: [SKILLS.tigWelding, 'urn:local:skill:cut', `${PREFIX}paint`],
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

  it('keeps an ESCO skill URI as its UUID in 22 characters, and any other URI whole', () => {
    const [, , matched, missing] = JSON.parse(storedExplanation(sut)) as [
      number,
      number[],
      unknown[][],
      string[],
    ];
    // weld, essential (4) and narrower (1), covered by TIG welding for 0.6 of its share.
    expect(matched).toContainEqual(['AAXBUVtaSmaKrGDnNL6xqw', 5, '_TOkfG9KTXucHgorPE1ebw', 6000]);
    expect(matched).toContainEqual(['urn:local:skill:cut', 0]);
    expect(matched).toContainEqual([`${PREFIX}paint`, 0]);
    expect(missing).toEqual(['_____wAAQACAABI0VniavA']);
  });

  it('reads rows written before skills were kept as base64url, with the text after the prefix', () => {
    // The same explanation as it was stored then: four elements, ESCO skills after the prefix.
    const before: Record<string, string> = {
      AAXBUVtaSmaKrGDnNL6xqw: '0005c151-5b5a-4a66-8aac-60e734beb1ab',
      _TOkfG9KTXucHgorPE1ebw: 'fd33a47c-6f4a-4d7b-9c1e-0a2b3c4d5e6f',
      _____wAAQACAABI0VniavA: 'ffffffff-0000-4000-8000-123456789abc',
      'urn:local:skill:cut': 'urn:local:skill:cut',
      [`${PREFIX}paint`]: 'paint',
    };
    const [version, factors, matched, missing, keys] = JSON.parse(storedExplanation(sut)) as [
      number,
      number[],
      [string, number, string?, number?][],
      string[],
      number,
    ];
    expect(keys).toBe(1);
    const written = JSON.stringify([
      version,
      factors,
      matched.map(([uri, ...rest]) =>
        rest.length === 1 ? [before[uri], ...rest] : [before[uri], rest[0], before[rest[1]!], rest[2]],
      ),
      missing.map((key) => before[key]),
    ]);
    expect(written).toContain('"0005c151-5b5a-4a66-8aac-60e734beb1ab",5,"fd33a47c-');
    expect(expandExplanation(written)).toEqual(sut);
  });

  it('reads rows written in the full form, and takes an explanation in hand as it is', () => {
    expect(expandExplanation(JSON.stringify(sut))).toEqual(sut);
    expect(expandExplanation(sut)).toBe(sut);
  });
});

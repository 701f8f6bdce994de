import { occupationFromRecord, occupationSkillFromRecord, skillFromRecord, splitLabels } from './esco-rows';

const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const SKILL = 'http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab';

describe('ESCO row mapping', () => {
  it('splits newline-separated labels (the main files) and pipe-separated ones (the collections)', () => {
    expect(splitLabels('welder\r\nwelding operator\n\nwelder ')).toEqual(['welder', 'welding operator']);
    expect(splitLabels('write Hungarian | correspond in Hungarian', '|')).toEqual([
      'write Hungarian',
      'correspond in Hungarian',
    ]);
    expect(splitLabels(undefined)).toEqual([]);
  });

  it('maps an occupation row with its English labels and ISCO group', () => {
    const sut = occupationFromRecord({
      conceptUri: WELDER,
      iscoGroup: '7212',
      preferredLabel: 'welder',
      altLabels: 'welding fitter\nwelder fabricator',
      code: '7212.1',
      status: 'released',
      description: '',
    });
    expect(sut).toEqual({
      row: {
        uri: WELDER,
        code: '7212.1',
        iscoCode: '7212',
        preferredLabels: { en: 'welder' },
        altLabels: { en: ['welding fitter', 'welder fabricator'] },
        description: null,
        status: 'released',
      },
    });
  });

  it('rejects rows that break the format, saying why', () => {
    expect(occupationFromRecord({ conceptUri: 'welder', iscoGroup: '7212', preferredLabel: 'x' })).toEqual({
      problem: 'invalid occupation URI "welder"',
    });
    expect(occupationFromRecord({ conceptUri: WELDER, iscoGroup: '72', preferredLabel: 'x' })).toEqual({
      problem: 'invalid iscoGroup "72"',
    });
    expect(skillFromRecord({ conceptUri: SKILL, preferredLabel: 'x', skillType: 'talent' })).toEqual({
      problem: 'unknown skillType "talent"',
    });
    expect(
      occupationSkillFromRecord({ occupationUri: WELDER, skillUri: SKILL, relationType: 'sometimes' }),
    ).toEqual({ problem: 'relationType must be essential or optional, not "sometimes"' });
  });

  it('keeps skills whose type or reuse level the release leaves empty', () => {
    const sut = skillFromRecord({
      conceptUri: SKILL,
      preferredLabel: 'ICT safety',
      skillType: '',
      reuseLevel: '',
    });
    expect(sut).toMatchObject({ row: { skillType: null, reuseLevel: null } });
  });
});

import { appliesOn, checkShortage, resolveList } from './shortage-list';

type Rule = Parameters<typeof appliesOn>[0];

const rule = (overrides: Partial<Rule>): Rule => ({
  layer: 'eu',
  memberState: null,
  effect: 'addition',
  occupationUri: null,
  iscoCode: '7212',
  validFrom: '2025-01-01',
  validTo: null,
  withdrawn: false,
  ...overrides,
});

const WELDER = { uri: 'esco:welder', iscoCode: '7212' };
const NURSE = { uri: 'esco:nurse', iscoCode: '2221' };

describe('shortage list resolution', () => {
  it('counts an entry only inside its inclusive validity window', () => {
    const entry = rule({ validFrom: '2025-03-01', validTo: '2025-06-30' });
    expect(appliesOn(entry, '2025-02-28')).toBe(false);
    expect(appliesOn(entry, '2025-03-01')).toBe(true);
    expect(appliesOn(entry, '2025-06-30')).toBe(true);
    expect(appliesOn(entry, '2025-07-01')).toBe(false);
    expect(appliesOn({ ...entry, withdrawn: true }, '2025-04-01')).toBe(false);
  });

  it('applies the EU layer everywhere and a state layer only in that state', () => {
    const rules = [rule({}), rule({ layer: 'member_state', memberState: 'DE', iscoCode: '2221' })];
    expect(checkShortage(rules, WELDER, 'FR', '2025-05-01').inShortage).toBe(true);
    expect(checkShortage(rules, NURSE, 'FR', '2025-05-01').inShortage).toBe(false);
    expect(checkShortage(rules, NURSE, 'DE', '2025-05-01').inShortage).toBe(true);
  });

  it('matches ISCO groups by prefix and named occupations exactly', () => {
    const rules = [rule({ iscoCode: '72' }), rule({ iscoCode: null, occupationUri: NURSE.uri })];
    expect(checkShortage(rules, WELDER, 'FR', '2025-05-01').inShortage).toBe(true);
    expect(checkShortage(rules, NURSE, 'FR', '2025-05-01').inShortage).toBe(true);
    expect(checkShortage(rules, { uri: 'esco:other', iscoCode: '2221' }, 'FR', '2025-05-01').inShortage).toBe(
      false,
    );
  });

  it('lets a state remove an EU-listed occupation, only while the removal is valid', () => {
    const removal = rule({
      layer: 'member_state',
      memberState: 'NL',
      effect: 'removal',
      validFrom: '2025-06-01',
      validTo: '2025-12-31',
    });
    const rules = [rule({}), removal];
    expect(checkShortage(rules, WELDER, 'NL', '2025-05-31').inShortage).toBe(true);
    const during = checkShortage(rules, WELDER, 'NL', '2025-06-01');
    expect(during).toEqual({ inShortage: false, entry: rules[0], removedBy: removal });
    expect(checkShortage(rules, WELDER, 'BE', '2025-06-01').inShortage).toBe(true);
    expect(checkShortage(rules, WELDER, 'NL', '2026-01-01').inShortage).toBe(true);
  });

  it('lists the additions a removal does not cancel, and the removals applied', () => {
    const groupRemoval = rule({
      layer: 'member_state',
      memberState: 'NL',
      effect: 'removal',
      iscoCode: '72',
    });
    const uriRemoval = rule({
      layer: 'member_state',
      memberState: 'NL',
      effect: 'removal',
      iscoCode: null,
      occupationUri: NURSE.uri,
    });
    const nurses = rule({ iscoCode: '2221' });
    const list = resolveList([rule({}), nurses, groupRemoval, uriRemoval], 'NL', '2025-05-01');
    expect(list.entries).toEqual([nurses]);
    expect(list.removals).toEqual([groupRemoval, uriRemoval]);
  });
});

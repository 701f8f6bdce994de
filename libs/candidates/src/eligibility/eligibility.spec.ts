import type { CountryEligibility } from '../candidate.types';
import { ageOn, eligibilityRefusals, type EligibilityFacts } from './eligibility';

const morocco: CountryEligibility = { code: 'MA', euMember: false, status: 'talent_partnership' };
const france: CountryEligibility = { code: 'FR', euMember: true, status: 'eligible' };
const suspended: CountryEligibility = { code: 'XK', euMember: false, status: 'suspended' };

const facts = (overrides: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  dateOfBirth: '1995-04-12',
  today: '2026-03-01',
  minAge: 18,
  residence: morocco,
  citizenships: [morocco],
  ...overrides,
});

const codes = (input: EligibilityFacts) => eligibilityRefusals(input).map((refusal) => refusal.code);

describe('ageOn', () => {
  it('counts whole years, turning a year older on the birthday itself', () => {
    expect(ageOn('2008-03-01', '2026-03-01')).toBe(18);
    expect(ageOn('2008-03-02', '2026-03-01')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('eligibilityRefusals', () => {
  it('accepts a Talent Partnership resident who is exactly the minimum age today', () => {
    expect(codes(facts({ dateOfBirth: '2008-03-01' }))).toEqual([]);
  });

  it('refuses someone one day short of the minimum age', () => {
    expect(codes(facts({ dateOfBirth: '2008-03-02' }))).toEqual(['BELOW_MINIMUM_AGE']);
  });

  it('follows a configured minimum age', () => {
    expect(codes(facts({ dateOfBirth: '2006-03-02', minAge: 20 }))).toEqual(['BELOW_MINIMUM_AGE']);
  });

  it('refuses residence in the EU and EU citizenship with their own codes', () => {
    expect(codes(facts({ residence: france }))).toEqual(['RESIDENCE_IN_EU']);
    expect(codes(facts({ citizenships: [morocco, france] }))).toEqual(['EU_CITIZENSHIP']);
  });

  it('refuses a suspended country of residence or citizenship', () => {
    expect(codes(facts({ residence: suspended }))).toEqual(['RESIDENCE_COUNTRY_NOT_ELIGIBLE']);
    expect(codes(facts({ citizenships: [morocco, suspended] }))).toEqual([
      'CITIZENSHIP_COUNTRY_NOT_ELIGIBLE',
    ]);
  });

  it('reports every refusal with a human-readable reason', () => {
    const refusals = eligibilityRefusals(
      facts({ residence: france, citizenships: [france], dateOfBirth: '2015-01-01' }),
    );
    expect(refusals.map((refusal) => refusal.code)).toEqual([
      'RESIDENCE_IN_EU',
      'EU_CITIZENSHIP',
      'BELOW_MINIMUM_AGE',
    ]);
    for (const refusal of refusals) expect(refusal.reason.length).toBeGreaterThan(20);
  });
});

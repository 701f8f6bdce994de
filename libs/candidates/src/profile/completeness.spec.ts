import type { ProfileSections } from '../candidate.types';
import { completenessOf } from './completeness';

const empty: ProfileSections = {
  occupations: [],
  skills: [],
  languages: [],
  education: [],
  qualifications: [],
  workExperience: [],
  preferredMemberStates: [],
  earliestStartDate: null,
  availability: 'available',
  programme: null,
};

describe('completenessOf', () => {
  it('names every missing item of an empty profile and refuses activation', () => {
    const result = completenessOf(empty);
    expect(result.percent).toBe(0);
    expect(result.readyForActivation).toBe(false);
    expect(result.missing.filter((entry) => entry.requiredForActivation).map((entry) => entry.item)).toEqual([
      'occupations',
      'skills',
      'languages',
    ]);
    expect(result.missing.map((entry) => entry.item)).toContain('earliestStartDate');
  });

  it('is ready for activation with one occupation, one skill and one language', () => {
    const result = completenessOf({
      ...empty,
      occupations: [{ uri: 'o', yearsOfExperience: 2 }],
      skills: [{ uri: 's' }],
      languages: [{ code: 'fr', cefr: 'B2' }],
    });
    expect(result.readyForActivation).toBe(true);
    expect(result.percent).toBe(43);
    expect(result.missing.map((entry) => entry.item)).toEqual([
      'education',
      'workExperience',
      'preferredMemberStates',
      'earliestStartDate',
    ]);
  });

  it('reaches 100 % when every item is present', () => {
    const result = completenessOf({
      ...empty,
      occupations: [{ uri: 'o', yearsOfExperience: 2 }],
      skills: [{ uri: 's' }],
      languages: [{ code: 'fr', cefr: 'B2' }],
      education: [{ eqfLevel: 4, field: 'welding', countryCode: 'MA', completionYear: 2015 }],
      workExperience: [
        { occupationUri: 'o', employerName: 'Atelier', countryCode: 'MA', startDate: '2016-01-01' },
      ],
      preferredMemberStates: ['DE'],
      earliestStartDate: '2026-09-01',
    });
    expect(result).toEqual({ percent: 100, readyForActivation: true, missing: [] });
  });
});

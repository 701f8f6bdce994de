import { withAcceptedConcepts } from './accepted-suggestions';

describe('accepted suggestions', () => {
  const profile = {
    occupations: [{ uri: 'occ:welder', yearsOfExperience: 6 }],
    skills: [{ uri: 'skill:weld', level: 'advanced' as const }],
  };

  it('adds new concepts after the existing ones and keeps what the profile already says', () => {
    expect(
      withAcceptedConcepts(profile, {
        occupationUris: ['occ:welder', 'occ:fitter'],
        skillUris: ['skill:weld', 'skill:blueprint', 'skill:blueprint'],
      }),
    ).toEqual({
      occupations: [
        { uri: 'occ:welder', yearsOfExperience: 6 },
        { uri: 'occ:fitter', yearsOfExperience: 0 },
      ],
      skills: [{ uri: 'skill:weld', level: 'advanced' }, { uri: 'skill:blueprint' }],
    });
  });

  it('refuses to grow a profile past its limits', () => {
    const many = Array.from({ length: 11 }, (_, i) => `occ:${i}`);
    expect(() => withAcceptedConcepts(profile, { occupationUris: many, skillUris: [] })).toThrow(
      expect.objectContaining({ code: 'PROFILE_LIMIT_REACHED' }),
    );
  });
});

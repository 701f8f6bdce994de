import type { CandidateProfile } from '@app/candidates';
import { identityOf, mayDisclose } from './disclosure';

describe('disclosure rule', () => {
  const employer = { role: 'employer' as const, organisationId: 'org-a' };

  it('discloses only to the consenting organisation while consent stands', () => {
    expect(mayDisclose({ consent: 'granted', organisationId: 'org-a' }, employer)).toBe(true);
    for (const consent of ['pending', 'declined', 'withdrawn'])
      expect(mayDisclose({ consent, organisationId: 'org-a' }, employer)).toBe(false);
    expect(mayDisclose({ consent: 'granted', organisationId: 'org-b' }, employer)).toBe(false);
    expect(
      mayDisclose({ consent: 'granted', organisationId: 'org-a' }, { role: 'ncp', organisationId: null }),
    ).toBe(false);
  });

  it('leaves out the sections the candidate did not choose to share', () => {
    const profile = {
      givenName: 'Amina',
      familyName: 'El Idrissi',
      phone: '+212612345678',
      qualifications: [{ title: 'ISO 9606-1' }],
      workExperience: [
        { occupationUri: 'x', employerName: 'Atelier', countryCode: 'MA', startDate: '2016-03-01' },
      ],
    } as unknown as CandidateProfile;
    const basic = identityOf(profile, 'a@example.org', ['name', 'email', 'phone']);
    expect(basic).toEqual({
      givenName: 'Amina',
      familyName: 'El Idrissi',
      email: 'a@example.org',
      phone: '+212612345678',
    });
    const full = identityOf(profile, 'a@example.org', [
      'name',
      'email',
      'phone',
      'qualifications',
      'workExperience',
    ]);
    expect(full.qualifications).toHaveLength(1);
    expect(full.workExperience?.[0].employerName).toBe('Atelier');
  });
});

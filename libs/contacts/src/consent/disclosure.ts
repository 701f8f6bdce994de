import type { CandidateProfile } from '@app/candidates';
import type { Principal } from '@app/identity';
import type { CandidateIdentity, DisclosedField } from '../contact.types';

/**
 * The disclosure rule, in one place: identity reaches an organisation's users only while the
 * candidate's consent for that organisation and that vacancy stands. Withdrawal, a decline or an
 * unanswered request all say no; so does any other organisation, and any other role.
 */
export function mayDisclose(
  contact: { consent: string; organisationId: string },
  principal: Pick<Principal, 'role' | 'organisationId'>,
): boolean {
  return (
    contact.consent === 'granted' &&
    principal.role === 'employer' &&
    principal.organisationId !== null &&
    principal.organisationId === contact.organisationId
  );
}

/** The identity fields the candidate chose to share, and nothing else. */
export function identityOf(
  profile: CandidateProfile,
  email: string | null,
  fields: readonly DisclosedField[],
): CandidateIdentity {
  const identity: CandidateIdentity = {
    givenName: profile.givenName,
    familyName: profile.familyName,
    email: fields.includes('email') ? email : null,
    phone: fields.includes('phone') ? profile.phone : null,
  };
  if (fields.includes('qualifications'))
    identity.qualifications = profile.qualifications.map((entry) => ({
      title: entry.title,
      issuer: entry.issuer ?? null,
      countryCode: entry.countryCode ?? null,
      year: entry.year ?? null,
    }));
  if (fields.includes('workExperience'))
    identity.workExperience = profile.workExperience.map((entry) => ({
      occupationUri: entry.occupationUri,
      employerName: entry.employerName,
      countryCode: entry.countryCode,
      startDate: entry.startDate,
      endDate: entry.endDate ?? null,
    }));
  return identity;
}

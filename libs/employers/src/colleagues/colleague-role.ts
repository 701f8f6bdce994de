/**
 * What a user of an employer organisation may do. Both roles work on every vacancy, match,
 * application and contact of the organisation; only an `organisation_admin` manages colleagues
 * (invites, changes roles, removes).
 */
export const COLLEAGUE_ROLES = ['organisation_admin', 'recruiter'] as const;
export type ColleagueRole = (typeof COLLEAGUE_ROLES)[number];

export function colleagueRoleOf(isOrganisationAdmin: boolean): ColleagueRole {
  return isOrganisationAdmin ? 'organisation_admin' : 'recruiter';
}

export function isAdminRole(role: ColleagueRole): boolean {
  switch (role) {
    case 'organisation_admin':
      return true;
    case 'recruiter':
      return false;
  }
}

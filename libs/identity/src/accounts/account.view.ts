import type { AccountRole } from './account-role';
import type { AccountEntity } from './account.entity';

/** What the identity library hands out about an account; the entity itself stays inside. */
export interface AccountView {
  id: string;
  email: string;
  role: AccountRole;
  emailVerified: boolean;
  organisationId: string | null;
  isOrganisationAdmin: boolean;
  memberState: string | null;
  createdAt: Date;
}

export function toAccountView(account: AccountEntity): AccountView {
  return {
    id: account.id,
    email: account.email,
    role: account.role,
    emailVerified: account.emailVerifiedAt !== null,
    organisationId: account.employerOrganisationId,
    isOrganisationAdmin: account.isOrganisationAdmin,
    memberState: account.memberState,
    createdAt: account.createdAt,
  };
}

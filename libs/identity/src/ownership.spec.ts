import { NotOwnerError } from './identity.errors';
import { assertOwnAccount, assertOwnMemberState, assertOwnOrganisation } from './ownership';
import type { Principal } from './principal';

const principal = (overrides: Partial<Principal>): Principal => ({
  accountId: 'a-1',
  role: 'candidate',
  sessionId: 's-1',
  organisationId: null,
  isOrganisationAdmin: false,
  memberState: null,
  ...overrides,
});

describe('ownership rules', () => {
  it('lets a user reach only their own account, and an administrator any', () => {
    expect(() => assertOwnAccount(principal({}), 'a-1')).not.toThrow();
    expect(() => assertOwnAccount(principal({}), 'a-2')).toThrow(NotOwnerError);
    expect(() => assertOwnAccount(principal({ role: 'admin' }), 'a-2')).not.toThrow();
  });

  it('lets an employer user reach only their organisation', () => {
    const employer = principal({ role: 'employer', organisationId: 'org-1' });
    expect(() => assertOwnOrganisation(employer, 'org-1')).not.toThrow();
    expect(() => assertOwnOrganisation(employer, 'org-2')).toThrow(NotOwnerError);
    expect(() => assertOwnOrganisation(principal({ organisationId: 'org-1' }), 'org-1')).toThrow(
      NotOwnerError,
    );
  });

  it('lets an NCP reach only their Member State', () => {
    const ncp = principal({ role: 'ncp', memberState: 'FR' });
    expect(() => assertOwnMemberState(ncp, 'fr')).not.toThrow();
    expect(() => assertOwnMemberState(ncp, 'DE')).toThrow(NotOwnerError);
    expect(() => assertOwnMemberState(principal({ role: 'admin' }), 'DE')).not.toThrow();
  });
});

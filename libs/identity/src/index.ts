export { ACCOUNT_ROLES, type AccountRole } from './accounts/account-role';
export type { AccountView } from './accounts/account.view';
export { normaliseEmail } from './accounts/email';
export * from './identity.errors';
export { isMailLanguage, MAIL_LANGUAGES, type MailLanguage } from './identity-mails';
export { IdentityModule } from './identity.module';
export { assertOwnAccount, assertOwnMemberState, assertOwnOrganisation } from './ownership';
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from './passwords/password-policy';
export { actorOf, type CallContext, type PendingPrincipal, type Principal } from './principal';
export type { TokenPair } from './sessions/sessions.service';
export { AccountProvisioning, type NewEmployerUser } from './use-cases/account-provisioning.service';
export { Accounts } from './use-cases/accounts.service';
export { Authentication } from './use-cases/authentication.service';
export {
  CredentialRetention,
  ENDED_SESSION_RETENTION_DAYS,
  SPENT_TOKEN_RETENTION_DAYS,
  type CredentialPurge,
} from './use-cases/credential-retention.service';
export { Passwords } from './use-cases/passwords.service';
export { Registration } from './use-cases/registration.service';
export { ACCOUNT_ADDRESSES_SQL, EMPLOYER_ACCOUNTS_SQL } from './accounts/accounts.sql';
export { OrganisationAccounts } from './use-cases/organisation-accounts.service';

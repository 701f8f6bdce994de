export {
  canTransition,
  EMPLOYER_STATUSES,
  isVerified,
  normaliseRegistrationNumber,
  type EmployerStatus,
} from './employer-status';
export { EmployerRegistrations } from './employer-registrations.service';
export { EmployerVerification } from './employer-verification.service';
export * from './employers.errors';
export { EmployersModule } from './employers.module';
export { Employers } from './employers.service';
export type * from './employers.types';
export {
  EMPLOYER_ORGANISATIONS_SQL,
  ORGANISATION_ACCOUNTS_SQL,
  VERIFIED_EMPLOYERS_SQL,
} from './employer-organisations.sql';
export { COLLEAGUE_ROLES, type ColleagueRole } from './colleagues/colleague-role';
export { OrganisationColleagues, type ColleagueView } from './colleagues/organisation-colleagues.service';

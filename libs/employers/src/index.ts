export {
  canTransition,
  EMPLOYER_STATUSES,
  normaliseRegistrationNumber,
  type EmployerStatus,
} from './employer-status';
export { EmployerRegistrations } from './employer-registrations.service';
export { EmployerVerification } from './employer-verification.service';
export * from './employers.errors';
export { EmployersModule } from './employers.module';
export { Employers } from './employers.service';
export type * from './employers.types';

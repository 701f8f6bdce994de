import type { EmployerEntityType } from '@app/reference-data';
import type { EmployerStatus } from './employer-status';

export interface EmployerContact {
  name: string;
  email: string;
  phone: string | null;
}

export interface EmployerView {
  id: string;
  legalName: string;
  memberState: string;
  registrationNumber: string | null;
  entityType: EmployerEntityType;
  status: EmployerStatus;
  statusReason: string | null;
  statusChangedAt: Date | null;
  contact: EmployerContact | null;
  description: string | null;
  createdAt: Date;
}

export interface EmployerRegistration {
  legalName: string;
  memberState: string;
  registrationNumber: string;
  entityType: EmployerEntityType;
  contact: { name: string; email: string; phone?: string };
  description: string;
}

export type EmployerRegistrationOutcome =
  | {
      outcome: 'registered';
      employer: EmployerView;
      /** The organisation admin, who sets a password through the emailed invitation. */
      userId: string;
    }
  /** Nothing registered: the contact address has an account, whose owner was told by mail. */
  | { outcome: 'contact_address_in_use' }
  /** Nothing registered: the number is registered in the Member State; the contact address was told. */
  | { outcome: 'registration_number_taken' };

export interface ExcludedRegistrationNumber {
  id: string;
  memberState: string;
  registrationNumber: string;
  reason: string;
  recordedAt: Date;
}

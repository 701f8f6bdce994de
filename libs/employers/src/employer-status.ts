import { lockWithinTransaction } from '@app/database';
import type { EntityManager } from 'typeorm';
export const EMPLOYER_STATUSES = ['pending', 'verified', 'suspended', 'removed'] as const;
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number];

/** Removal is final; suspension can be lifted by verifying again. */
const NEXT: Record<EmployerStatus, readonly EmployerStatus[]> = {
  pending: ['verified', 'removed'],
  verified: ['suspended', 'removed'],
  suspended: ['verified', 'removed'],
  removed: [],
};

export function canTransition(from: EmployerStatus, to: EmployerStatus): boolean {
  return NEXT[from].includes(to);
}

/** The audit action naming a transition (a suspended employer verified again is reinstated). */
export function transitionAction(from: EmployerStatus, to: EmployerStatus): string {
  if (to === 'verified') return from === 'suspended' ? 'employer.reinstated' : 'employer.verified';
  return `employer.${to}`;
}

/** Normalised form of a national registration number: upper case, separators dropped. */
export function normaliseRegistrationNumber(value: string): string {
  return value.toUpperCase().replace(/[\s.\-/]/g, '');
}

/**
 * Takes, for the rest of the transaction, the lock on one Member State's registration number
 * (normalised): registering it and excluding it take turns, so neither is done twice at once.
 */
export function lockRegistrationNumber(manager: EntityManager, memberState: string, registrationNumber: string): Promise<void> {
  return lockWithinTransaction(manager, `employer-registration-${memberState}-${registrationNumber}`);
}

/** Whether an organisation in this status may act (publish, search) and be seen (its vacancies). */
export function isVerified(status: EmployerStatus): boolean {
  switch (status) {
    case 'verified':
      return true;
    case 'pending':
    case 'suspended':
    case 'removed':
      return false;
  }
}

import type { DomainErrorDetail } from '@app/common';
import type { EmployerEntityType } from '@app/reference-data';

export const NOTICE_MONTHS = 9;

export interface Participation {
  participating: boolean;
  /** ISO dates (YYYY-MM-DD); an empty start date means "since the platform's launch". */
  notificationDate: string | null;
  participationStartDate: string | null;
  withdrawalDate: string | null;
  allowedEntityTypes: readonly EmployerEntityType[];
}

export type ParticipationProblem = DomainErrorDetail & { field: string };

/** `date` plus whole months, clamped to the end of shorter months (31 May + 9 months = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The rules an administrator's participation settings must follow. */
export function participationProblems(input: Participation): ParticipationProblem[] {
  const problems: ParticipationProblem[] = [];
  const { notificationDate, participationStartDate: start, withdrawalDate } = input;
  if (start !== null) {
    if (notificationDate === null) {
      problems.push({
        field: 'notificationDate',
        reason: 'is required when a participation start date is set',
      });
    } else if (start < addMonths(notificationDate, NOTICE_MONTHS)) {
      problems.push({
        field: 'participationStartDate',
        reason: `must be at least ${NOTICE_MONTHS} months after the notification date (${addMonths(notificationDate, NOTICE_MONTHS)} or later)`,
      });
    }
  }
  if (withdrawalDate !== null && start !== null && withdrawalDate <= start) {
    problems.push({ field: 'withdrawalDate', reason: 'must be after the participation start date' });
  }
  if (input.participating && input.allowedEntityTypes.length === 0) {
    problems.push({
      field: 'allowedEntityTypes',
      reason: 'a participating state allows at least one entity type',
    });
  }
  if (new Set(input.allowedEntityTypes).size !== input.allowedEntityTypes.length) {
    problems.push({ field: 'allowedEntityTypes', reason: 'must not repeat an entity type' });
  }
  return problems;
}

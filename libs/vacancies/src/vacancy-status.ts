export const VACANCY_STATUSES = ['draft', 'published', 'closed', 'expired'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

/** Closed and expired are final; only drafts are edited. */
const NEXT: Record<VacancyStatus, readonly VacancyStatus[]> = {
  draft: ['published', 'closed'],
  published: ['closed', 'expired'],
  closed: [],
  expired: [],
};

export function canMove(from: VacancyStatus, to: VacancyStatus): boolean {
  return NEXT[from].includes(to);
}

export function isEditable(status: VacancyStatus): boolean {
  return status === 'draft';
}

/** Publication date plus the validity, clamped to the end of shorter months. */
export function expiryOf(publishedAt: Date, validityMonths: number): Date {
  const expires = new Date(publishedAt);
  const day = expires.getUTCDate();
  expires.setUTCDate(1);
  expires.setUTCMonth(expires.getUTCMonth() + validityMonths);
  const lastDay = new Date(Date.UTC(expires.getUTCFullYear(), expires.getUTCMonth() + 1, 0)).getUTCDate();
  expires.setUTCDate(Math.min(day, lastDay));
  return expires;
}

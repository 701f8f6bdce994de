/**
 * Statistical disclosure control of the public figures, as statistical offices do it for frequency
 * tables: a threshold rule (categories with fewer than `SUPPRESSION_THRESHOLD` members are left out,
 * key and all) and conventional rounding (every published figure, totals included, is rounded to
 * the nearest multiple of `ROUNDING_BASE`, halves up, and never below the threshold). Differences of
 * published figures then give ranges, never the exact size of a small group; see docs/statistics.md.
 */
export const SUPPRESSION_THRESHOLD = 10;
export const ROUNDING_BASE = 10;

export const STATISTICS_VIEWS = ['public', 'admin'] as const;
export type StatisticsView = (typeof STATISTICS_VIEWS)[number];

/** A total: exact in the admin view; rounded in the public view, or null there when below the threshold. */
export type Count = number | null;

/** Whether a category of this size is published in this view. */
export function isPublished(count: number, view: StatisticsView): boolean {
  return view === 'admin' ? true : count >= SUPPRESSION_THRESHOLD;
}

/** A figure as published: exact for administrators, rounded for the public. */
export function published(count: number, view: StatisticsView): number {
  if (view === 'admin') return count;
  return Math.max(SUPPRESSION_THRESHOLD, Math.round(count / ROUNDING_BASE) * ROUNDING_BASE);
}

/** A total: 0 stays 0 (nothing to protect), a small one is withheld. */
export function cell(count: number, view: StatisticsView): Count {
  if (count === 0 || view === 'admin') return count;
  return isPublished(count, view) ? published(count, view) : null;
}

/** A distribution without its small categories, the rest rounded. */
export function cells(
  counts: Record<string, number> | undefined,
  view: StatisticsView,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts ?? {})
      .filter(([, count]) => isPublished(count, view))
      .map(([key, count]) => [key, published(count, view)]),
  );
}

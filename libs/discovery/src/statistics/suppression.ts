/** Public figures below this are withheld: small groups could single people out. */
export const SUPPRESSION_THRESHOLD = 10;

export const STATISTICS_VIEWS = ['public', 'admin'] as const;
export type StatisticsView = (typeof STATISTICS_VIEWS)[number];

/** A count, or null in the public view when it is between 1 and `SUPPRESSION_THRESHOLD - 1`. */
export type Count = number | null;

export function cell(count: number, view: StatisticsView): Count {
  return view === 'public' && count > 0 && count < SUPPRESSION_THRESHOLD ? null : count;
}

export function cells(
  counts: Record<string, number> | undefined,
  view: StatisticsView,
): Record<string, Count> {
  return Object.fromEntries(Object.entries(counts ?? {}).map(([key, count]) => [key, cell(count, view)]));
}

import type { Count, StatisticsView } from './suppression';

export const CANDIDATE_GROUPINGS = ['occupation', 'sector'] as const;
export type CandidateGrouping = (typeof CANDIDATE_GROUPINGS)[number];

export const AVAILABILITY_BUCKETS = ['now', 'within3Months', 'later', 'unspecified'] as const;
export type AvailabilityBucket = (typeof AVAILABILITY_BUCKETS)[number];

interface Published {
  view: StatisticsView;
  /** Public view: groups smaller than this are left out, totals this small are null; admin view: null. */
  suppressedBelow: number | null;
  /** Public view: every figure, totals included, is rounded to a multiple of this; admin view: null. */
  roundedTo: number | null;
  generatedAt: string;
}

export interface CandidateBreakdown {
  count: Count;
  byResidenceCountry: Record<string, number>;
  /** Keys `language:CEFR`, e.g. `fr:B2`. */
  byLanguageLevel: Record<string, number>;
  byAvailability: Partial<Record<AvailabilityBucket, number>>;
}

export interface CandidateStatistics extends Published, CandidateBreakdown {
  groupBy: CandidateGrouping;
  /** The largest groups, each broken down the same way (a candidate may count in several groups). */
  groups: ({ key: string } & CandidateBreakdown)[];
}

export interface VacancyStatistics extends Published {
  count: Count;
  byMemberState: Record<string, number>;
  bySector: Record<string, number>;
  occupations: { occupationUri: string; count: Count; byMemberState: Record<string, number> }[];
}

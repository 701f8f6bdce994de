import type { Count, StatisticsView } from './suppression';

export const CANDIDATE_GROUPINGS = ['occupation', 'sector'] as const;
export type CandidateGrouping = (typeof CANDIDATE_GROUPINGS)[number];

export const AVAILABILITY_BUCKETS = ['now', 'within3Months', 'later', 'unspecified'] as const;
export type AvailabilityBucket = (typeof AVAILABILITY_BUCKETS)[number];

interface Published {
  view: StatisticsView;
  /** Counts below this are null in the public view; null in the admin view (nothing withheld). */
  suppressedBelow: number | null;
  generatedAt: string;
}

export interface CandidateBreakdown {
  count: Count;
  byResidenceCountry: Record<string, Count>;
  /** Keys `language:CEFR`, e.g. `fr:B2`. */
  byLanguageLevel: Record<string, Count>;
  byAvailability: Record<AvailabilityBucket, Count>;
}

export interface CandidateStatistics extends Published, CandidateBreakdown {
  groupBy: CandidateGrouping;
  /** The largest groups, each broken down the same way (a candidate may count in several groups). */
  groups: ({ key: string } & CandidateBreakdown)[];
}

export interface VacancyStatistics extends Published {
  count: Count;
  byMemberState: Record<string, Count>;
  bySector: Record<string, Count>;
  occupations: { occupationUri: string; count: Count; byMemberState: Record<string, Count> }[];
}

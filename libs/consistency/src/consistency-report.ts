/** One kind of drift: how many subjects it concerns and a few of their ids (never personal data). */
export interface DriftKind {
  /** `<index>.missing|stale|outdated` or `matches.missing|stale|outdated`. */
  kind: string;
  count: number;
  sample: string[];
}

/** What the sides compared held: documents expected and indexed per index, matchable subjects and stored pairs. */
export interface CompareTotals {
  indexes: { index: string; expected: number; indexed: number }[];
  matches: { vacancies: number; candidates: number; stored: number };
}

export interface ConsistencyReport {
  checkedAt: string;
  durationMs: number;
  /** Whether the check asked for the drift it found to be repaired (the repair converges afterwards). */
  repaired: boolean;
  /** Total of every kind's count: zero when Postgres, the indexes and the matches agree. */
  drift: number;
  kinds: DriftKind[];
  totals: CompareTotals;
}

export const SAMPLE_SIZE = 5;

export function driftKind(kind: string, ids: readonly string[]): DriftKind {
  return { kind, count: ids.length, sample: ids.slice(0, SAMPLE_SIZE) };
}

import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MatchResults, type StoredRank } from '../results/match-results.repository';
import { compactExplanation } from '../results/stored-explanation';
import { expectedMatches, type ExpectedMatch } from './expected-matches';
import { MatchingEngine } from './matching-engine';
import { FeatureLoader } from '../store/feature-loader';
import type { FeatureStore, RankedMatch } from '../store/feature-store';
import { MatchingFeatures } from '../store/matching-features.service';

/** Set writes in flight during a full re-match. */
const WRITES_IN_FLIGHT = 3;

/** How many ranked pairs beyond the owner's own set are offered to the other side's sets. */
export const CROSS_FACTOR = 3;

export type MatchOutcome = { matches: number } | { removed: number };

/** What a full re-match did, and how long its two steps took. */
export interface FullRematch {
  vacancies: number;
  candidates: number;
  written: number;
  dropped: number;
  rankSeconds: number;
  swapSeconds: number;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * The matching jobs: each re-reads the state it is about, recomputes, and replaces the affected
 * sets atomically, so running one twice or out of order ends in the same result.
 */
@Injectable()
export class Matcher extends MatchingEngine {
  private readonly logger = new Logger(Matcher.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly features: MatchingFeatures,
    protected readonly loader: FeatureLoader,
    private readonly results: MatchResults,
  ) {
    super();
  }

  override async matchVacancy(vacancyId: string): Promise<MatchOutcome> {
    const [outcome] = await this.matchVacancyBatch([vacancyId]);
    return outcome;
  }

  override async matchCandidate(candidateId: string): Promise<MatchOutcome> {
    const [outcome] = await this.matchCandidateBatch([candidateId]);
    return outcome;
  }

  /**
   * What `matchVacancy` does for each of these vacancies, in this order, from one read of the
   * store: a burst of changes pays for bringing the store up to date once per batch, not per job.
   * The sets are written one after another, so the result is the one of matching them one at a time.
   */
  async matchVacancyBatch(vacancyIds: readonly string[]): Promise<MatchOutcome[]> {
    const store = await this.features.current();
    await this.features.refreshVacancies(store, vacancyIds);
    return inOrder(vacancyIds, (id) => this.writeVacancy(store, id, true));
  }

  /** What `matchCandidate` does for each of these candidates, in this order, from one read of the store. */
  async matchCandidateBatch(candidateIds: readonly string[]): Promise<MatchOutcome[]> {
    const store = await this.features.current();
    await this.features.refreshCandidates(store, candidateIds);
    return inOrder(candidateIds, (id) => this.writeCandidate(store, id, true));
  }

  /**
   * Every set recomputed from a store brought up to date, staged, and swapped in at once: pairs and
   * people no longer matchable drop out with the old rows.
   */
  async refreshAll(): Promise<FullRematch> {
    const store = await this.features.current();
    const runId = randomUUID();
    const started = performance.now();
    const staged = await this.results.stage(runId, 0, this.expectedMatches(store));
    const swapStarted = performance.now();
    const { written, dropped } = await this.results.replaceAllStaged(runId, { staged });
    const result = {
      vacancies: store.vacancyCount,
      candidates: store.candidateCount,
      written,
      dropped,
      rankSeconds: seconds(swapStarted - started),
      swapSeconds: seconds(performance.now() - swapStarted),
    };
    this.logger.log(
      `Matches refreshed: ${result.vacancies} vacancies, ${result.candidates} candidates, ${written} rows ` +
        `(ranked, explained and staged in ${result.rankSeconds} s, swapped in ${result.swapSeconds} s)`,
    );
    return result;
  }

  /**
   * Every row the `matches` table should hold for this store under the configured limits, computed
   * without writing anything: what `refreshAll` writes, and what a consistency check compares with.
   */
  expectedMatches(store: FeatureStore): AsyncIterable<ExpectedMatch> {
    const { topPerVacancy, topPerCandidate, minScore } = this.config.matching;
    return expectedMatches(store, { topPerVacancy, topPerCandidate, minScore });
  }

  /**
   * Recomputes these sets from the store as it is, vacancies before candidates, a few writes in
   * flight so ranking the next set overlaps Postgres writing the last. Sets of one side touch only
   * their own rows; what they offer the other side is settled when that side is recomputed.
   */
  async rematch(
    store: FeatureStore,
    vacancyIds: readonly string[],
    candidateIds: readonly string[],
  ): Promise<void> {
    await inFlight(vacancyIds, (id) => this.writeVacancy(store, id, false));
    await inFlight(candidateIds, (id) => this.writeCandidate(store, id, false));
  }

  private async writeVacancy(store: FeatureStore, id: string, cross: boolean): Promise<MatchOutcome> {
    if (!store.isVacancyMatchable(id)) return { removed: await this.results.removeAll('vacancy', id) };
    const { topPerVacancy, topPerCandidate, minScore } = this.config.matching;
    const ranked = store.rankCandidates(id, {
      limit: cross ? topPerVacancy * CROSS_FACTOR : topPerVacancy,
      minScore,
    });
    await this.results.replaceSet({
      side: 'vacancy',
      ownerId: id,
      ranked: ranked.map(stored),
      ownLimit: topPerVacancy,
      otherLimit: topPerCandidate,
    });
    return { matches: Math.min(ranked.length, topPerVacancy) };
  }

  private async writeCandidate(store: FeatureStore, id: string, cross: boolean): Promise<MatchOutcome> {
    if (!store.isCandidateMatchable(id)) return { removed: await this.results.removeAll('candidate', id) };
    const { topPerVacancy, topPerCandidate, minScore } = this.config.matching;
    const ranked = store.rankVacancies(id, {
      limit: cross ? topPerCandidate * CROSS_FACTOR : topPerCandidate,
      minScore,
    });
    await this.results.replaceSet({
      side: 'candidate',
      ownerId: id,
      ranked: ranked.map(stored),
      ownLimit: topPerCandidate,
      otherLimit: topPerVacancy,
    });
    return { matches: Math.min(ranked.length, topPerCandidate) };
  }
}

/** A ranked pair as it is written and as a shard hands it on: the explanation in its stored form. */
export function stored(match: RankedMatch): StoredRank {
  return { id: match.id, score: match.score, explanation: compactExplanation(match.explanation) };
}

export async function inOrder<R>(ids: readonly string[], write: (id: string) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const id of ids) results.push(await write(id));
  return results;
}

async function inFlight(ids: readonly string[], write: (id: string) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < ids.length) await write(ids[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(WRITES_IN_FLIGHT, ids.length) }, lane));
}

import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { MatchResults, type MatchSide, type OwnedSet } from '../results/match-results.repository';
import { expectedMatches, type ExpectedMatch } from './expected-matches';
import { MatchingEngine } from './matching-engine';
import { FeatureLoader } from '../store/feature-loader';
import type { FeatureStore } from '../store/feature-store';
import { MatchingFeatures } from '../store/matching-features.service';

/** Sets written per transaction: one read of the other side's sets decides what their pairs enter. */
const SETS_PER_WRITE = 100;

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
   * store: a burst of changes pays for bringing the store up to date once per batch, not per job,
   * and its sets are written a chunk per transaction, with the result of writing them one at a
   * time (the sets of vacancies no longer matchable are removed first).
   */
  async matchVacancyBatch(vacancyIds: readonly string[]): Promise<MatchOutcome[]> {
    const store = await this.features.current();
    await this.features.refreshVacancies(store, vacancyIds);
    return this.writeSets(store, 'vacancy', vacancyIds, true);
  }

  /** What `matchCandidate` does for each of these candidates, as `matchVacancyBatch` does for vacancies. */
  async matchCandidateBatch(candidateIds: readonly string[]): Promise<MatchOutcome[]> {
    const store = await this.features.current();
    await this.features.refreshCandidates(store, candidateIds);
    return this.writeSets(store, 'candidate', candidateIds, true);
  }

  /**
   * Every set recomputed from a store brought up to date and swapped in at once: pairs and people
   * no longer matchable drop out with the old rows. Runs take turns (see `MatchResults.replaceAll`),
   * and each reads the store once its turn has come.
   */
  async refreshAll(): Promise<FullRematch> {
    const started = performance.now();
    let store: FeatureStore | undefined;
    const { written, dropped, swapSeconds } = await this.results.replaceAll(async () => {
      store = await this.features.current();
      return this.expectedMatches(store);
    });
    const result = {
      vacancies: store!.vacancyCount,
      candidates: store!.candidateCount,
      written,
      dropped,
      rankSeconds: seconds(performance.now() - started - swapSeconds * 1000),
      swapSeconds: seconds(swapSeconds * 1000),
    };
    this.logger.log(
      `Matches refreshed: ${result.vacancies} vacancies, ${result.candidates} candidates, ${written} rows ` +
        `(ranked, explained and written in ${result.rankSeconds} s, swapped in ${result.swapSeconds} s)`,
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
   * Recomputes these sets from the store as it is, vacancies before candidates. Sets of one side
   * touch only their own rows; what they offer the other side is settled when that side is
   * recomputed.
   */
  async rematch(
    store: FeatureStore,
    vacancyIds: readonly string[],
    candidateIds: readonly string[],
  ): Promise<void> {
    await this.writeSets(store, 'vacancy', vacancyIds, false);
    await this.writeSets(store, 'candidate', candidateIds, false);
  }

  /**
   * Ranks these owners' sets and writes them a chunk of SETS_PER_WRITE per transaction, the next
   * chunk ranked while Postgres writes the last. With `cross`, each set also offers pairs beyond
   * its own to the other side's sets. Owners no longer matchable lose their rows first. Returns each
   * id's outcome, in the order given (an id given twice is written once).
   */
  private async writeSets(
    store: FeatureStore,
    side: MatchSide,
    ids: readonly string[],
    cross: boolean,
  ): Promise<MatchOutcome[]> {
    const { topPerVacancy, topPerCandidate, minScore } = this.config.matching;
    const sizes =
      side === 'vacancy'
        ? { own: topPerVacancy, other: topPerCandidate }
        : { own: topPerCandidate, other: topPerVacancy };
    const outcomes = new Map<string, MatchOutcome>();
    const matchable: string[] = [];
    for (const id of new Set(ids)) {
      const live = side === 'vacancy' ? store.isVacancyMatchable(id) : store.isCandidateMatchable(id);
      if (live) matchable.push(id);
      else outcomes.set(id, { removed: await this.results.removeAll(side, id) });
    }
    const limit = cross ? sizes.own * CROSS_FACTOR : sizes.own;
    let writing: Promise<void> = Promise.resolve();
    try {
      for (let at = 0; at < matchable.length; at += SETS_PER_WRITE) {
        const sets = matchable.slice(at, at + SETS_PER_WRITE).map((ownerId): OwnedSet => {
          const list =
            side === 'vacancy'
              ? store.candidateList(ownerId, { limit, minScore })
              : store.vacancyList(ownerId, { limit, minScore });
          outcomes.set(ownerId, { matches: Math.min(list.matches.length, sizes.own) });
          return {
            ownerId,
            ranked: list.matches,
            explain: (at) => list.stored(at).explanation,
          };
        });
        await writing;
        writing = this.results.replaceSets(side, sets, sizes);
      }
    } catch (error) {
      await writing.catch(() => undefined);
      throw error;
    }
    await writing;
    return ids.map((id) => outcomes.get(id)!);
  }
}

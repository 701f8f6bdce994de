import { APP_CONFIG, type AppConfig } from '@app/config';
import { ShardQueues } from '@app/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { expectedMatches, type ExpectedMatch } from '../engine/expected-matches';
import { CROSS_FACTOR, Matcher, type MatchOutcome } from '../engine/matcher.service';
import { MatchingEngine } from '../engine/matching-engine';
import { MatchResults, type OwnedSet } from '../results/match-results.repository';
import type { StoredExplanation } from '../results/stored-explanation';
import { FeatureLoader } from '../store/feature-loader';
import { MatchingFeatures } from '../store/matching-features.service';
import { candidateShard } from './candidate-shard';
import { mergeShardLists } from './merge-shard-lists';

/** Vacancies ranked by one flow: bounds the size of what each shard job hands back. */
const VACANCIES_PER_FLOW = 16;
/** Candidates per shard job: a country's candidates become jobs of a size worth retrying. */
const CANDIDATES_PER_JOB = 500;

/** A pair as a shard ranks it: its stored explanation, and the tie value the merge orders equal scores by. */
export interface ShardRank {
  id: string;
  score: number;
  tie: number;
  explanation: StoredExplanation;
}

/** What one shard job says of each vacancy: whether it is matchable, and its best candidates there. */
export type ShardRanking = Record<string, { matchable: boolean; ranked: ShardRank[] }>;

/** What a shard job of a full re-match reports: how many rows it staged. */
export interface ShardStaged {
  staged: number;
}

/** Where a job's work went: a flow over every shard, or the queue of one shard. */
export type Routed = { flow: string | undefined } | { shard: number };

/**
 * The sharded engine (MATCH_SHARDS > 1). Candidates are split by `candidateShard` over K shards;
 * every shard holds every vacancy. Matching a vacancy is a flow: one job per shard ranks the
 * vacancy against that shard's candidates, and the parent job merges the K lists into the exact
 * top N (the order is total: score, pair tie value, id) and writes the set as the unsharded engine
 * does. Matching a candidate needs only vacancies, so it runs on the candidate's shard. A full
 * re-match stages each shard's rows in Postgres and swaps in their merge in one step.
 */
@Injectable()
export class ShardedMatcher extends MatchingEngine {
  private readonly logger = new Logger(ShardedMatcher.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    protected readonly loader: FeatureLoader,
    private readonly shards: ShardQueues,
    private readonly features: MatchingFeatures,
    private readonly results: MatchResults,
    private readonly matcher: Matcher,
  ) {
    super();
  }

  async matchVacancyBatch(vacancyIds: readonly string[]): Promise<Routed[]> {
    const routed: Routed[] = [];
    for (let at = 0; at < vacancyIds.length; at += VACANCIES_PER_FLOW) {
      const chunk = vacancyIds.slice(at, at + VACANCIES_PER_FLOW);
      const flow = await this.shards.fanOut(
        { name: 'matching.merge-vacancies', data: { vacancyIds: chunk } },
        { name: 'shard.rank-vacancies', data: { vacancyIds: chunk } },
      );
      routed.push(...chunk.map(() => ({ flow })));
    }
    return routed;
  }

  async matchCandidateBatch(candidateIds: readonly string[]): Promise<Routed[]> {
    const byShard = new Map<number, string[]>();
    const shards = candidateIds.map((id) => candidateShard(id, this.shards.count));
    candidateIds.forEach((id, at) => {
      const ids = byShard.get(shards[at]);
      if (ids) ids.push(id);
      else byShard.set(shards[at], [id]);
    });
    for (const [shard, ids] of byShard)
      for (let at = 0; at < ids.length; at += CANDIDATES_PER_JOB)
        await this.shards.enqueue(shard, 'shard.match-candidates', {
          candidateIds: ids.slice(at, at + CANDIDATES_PER_JOB),
        });
    return shards.map((shard) => ({ shard }));
  }

  async refreshAll(): Promise<{ runId: string; flow: string | undefined }> {
    const runId = randomUUID();
    const flow = await this.shards.fanOut(
      { name: 'matching.merge-refresh', data: { runId } },
      { name: 'shard.stage-refresh', data: { runId } },
    );
    return { runId, flow };
  }

  /** A shard job: each vacancy's best candidates of this shard, as many as the unsharded engine ranks. */
  async rankOnShard(shard: number, vacancyIds: readonly string[]): Promise<ShardRanking> {
    const store = await this.features.current();
    await this.features.refreshVacancies(store, vacancyIds);
    const { topPerVacancy, minScore } = this.config.matching;
    const ranking: ShardRanking = {};
    for (const vacancyId of vacancyIds) {
      // A worker serving several shards holds them in one store; each job answers for its own.
      const list = store.candidateList(vacancyId, { limit: topPerVacancy * CROSS_FACTOR, minScore });
      const ranked = list.matches.flatMap(({ id, score, tie }, at) =>
        this.ownShard(id) === shard ? [{ id, score, tie, explanation: list.stored(at).explanation }] : [],
      );
      ranking[vacancyId] = { matchable: store.isVacancyMatchable(vacancyId), ranked };
    }
    return ranking;
  }

  /** A shard job: these candidates' sets, from the shard's store (every vacancy is in every shard). */
  async matchCandidatesOnShard(candidateIds: readonly string[]): Promise<MatchOutcome[]> {
    return this.matcher.matchCandidateBatch(candidateIds);
  }

  /** A shard job: every row this shard contributes to the full re-match `runId`. */
  async stageOnShard(shard: number, runId: string): Promise<ShardStaged> {
    const store = await this.features.current();
    const { topPerVacancy, topPerCandidate, minScore } = this.config.matching;
    const rows = expectedMatches(store, { topPerVacancy, topPerCandidate, minScore });
    return { staged: await this.results.stage(runId, shard, this.ofShard(shard, rows)) };
  }

  /**
   * The parent of a vacancy flow: each vacancy's set from its shards' lists, written as one after
   * another would be (the sets of vacancies no longer matchable removed first).
   */
  async mergeVacancies(
    vacancyIds: readonly string[],
    rankings: readonly ShardRanking[],
  ): Promise<MatchOutcome[]> {
    const { topPerVacancy, topPerCandidate } = this.config.matching;
    const outcomes = new Map<string, MatchOutcome>();
    const sets: OwnedSet[] = [];
    for (const vacancyId of new Set(vacancyIds)) {
      const parts = rankings.map((ranking) => ranking[vacancyId]);
      if (parts.length === 0 || parts.some((part) => !part?.matchable)) {
        outcomes.set(vacancyId, { removed: await this.results.removeAll('vacancy', vacancyId) });
        continue;
      }
      const ranked = mergeShardLists(
        parts.map((part) => part.ranked),
        topPerVacancy * CROSS_FACTOR,
      );
      sets.push({ ownerId: vacancyId, ranked, explain: (at) => ranked[at].explanation });
      outcomes.set(vacancyId, { matches: Math.min(ranked.length, topPerVacancy) });
    }
    await this.results.replaceSets('vacancy', sets, { own: topPerVacancy, other: topPerCandidate });
    return vacancyIds.map((id) => outcomes.get(id)!);
  }

  /**
   * The parent of a full re-match: what every shard staged, merged and swapped in at once, once
   * the rows the shard jobs report staged are all there.
   */
  async mergeRefresh(
    runId: string,
    shards: readonly ShardStaged[],
  ): Promise<{ written: number; dropped: number }> {
    const merged = await this.results.replaceAllStaged(runId, {
      staged: shards.reduce((sum, shard) => sum + shard.staged, 0),
      topPerVacancy: this.config.matching.topPerVacancy,
    });
    this.logger.log(`Matches refreshed over ${this.shards.count} shards: ${merged.written} rows`);
    return merged;
  }

  private ownShard(candidateId: string): number {
    return candidateShard(candidateId, this.shards.count);
  }

  private async *ofShard(shard: number, rows: AsyncIterable<ExpectedMatch>): AsyncGenerator<ExpectedMatch> {
    for await (const row of rows) if (this.ownShard(row.candidateId) === shard) yield row;
  }
}

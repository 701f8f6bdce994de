import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setImmediate } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { YIELD_EVERY } from '../engine/expected-matches';
import { SCORE_VERSION } from '../scoring/score';
import { MatchingFeatures } from '../store/matching-features.service';

/** A vacancy–candidate pair, as `<vacancyId>:<candidateId>`. */
export type MatchPairId = string;

export interface MatchDrift {
  /** Matchable vacancies and candidates now (by the live-vacancy and eligible-candidate rules). */
  vacancies: number;
  candidates: number;
  stored: number;
  /** Stored pairs a side of which can no longer be matched. */
  stale: MatchPairId[];
  /** Pairs in a side's top set as computed now that its stored set lacks. */
  missing: MatchPairId[];
  /** Stored pairs scored by an older scoring version. */
  outdated: MatchPairId[];
  /** What re-matching brings back in line: each side's owner of a drifting pair. */
  rematch: { vacancies: string[]; candidates: string[] };
}

interface StoredPair {
  vacancy_id: string;
  candidate_id: string;
  in_vacancy_top: boolean;
  in_candidate_top: boolean;
  score: number;
  score_version: number;
}

/** Stored and computed scores agree to this much (the table keeps single precision). */
const SCORE_TOLERANCE = 1e-4;

/**
 * Compares the match tables with what matching computes from Postgres as it is now, through a
 * freshly loaded feature store (never the worker's own, which could itself have missed a change).
 * Each side's stored top set must contain its current top set; extra pairs offered by the other
 * side are legitimate until that side is recomputed, so only pairs of unmatchable sides count.
 */
@Injectable()
export class MatchConsistency {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly features: MatchingFeatures,
  ) {}

  async check(): Promise<MatchDrift> {
    const store = await this.features.snapshot();
    const rows = await this.dataSource.query<StoredPair[]>(
      `SELECT vacancy_id, candidate_id, in_vacancy_top, in_candidate_top, score, score_version FROM matches`,
    );
    const now = Date.now();
    const vacancyTops = new Map<string, Map<string, number>>();
    const candidateTops = new Map<string, Map<string, number>>();
    const stale: MatchPairId[] = [];
    const outdated: MatchPairId[] = [];
    const rematchVacancies = new Set<string>();
    const rematchCandidates = new Set<string>();
    for (const row of rows) {
      const pair = `${row.vacancy_id}:${row.candidate_id}`;
      const vacancyLive = store.isVacancyMatchable(row.vacancy_id, now);
      const candidateEligible = store.isCandidateMatchable(row.candidate_id, now);
      if (!vacancyLive || !candidateEligible) {
        stale.push(pair);
        if (!vacancyLive) rematchVacancies.add(row.vacancy_id);
        if (!candidateEligible) rematchCandidates.add(row.candidate_id);
        continue;
      }
      if (row.score_version !== SCORE_VERSION) {
        outdated.push(pair);
        rematchVacancies.add(row.vacancy_id);
      }
      if (row.in_vacancy_top) add(vacancyTops, row.vacancy_id, row.candidate_id, row.score);
      if (row.in_candidate_top) add(candidateTops, row.candidate_id, row.vacancy_id, row.score);
    }
    const { topPerVacancy, topPerCandidate, minScore } = this.config.matching;
    const missing: MatchPairId[] = [];
    const vacancyIds = store.vacancyIds().filter((id) => store.isVacancyMatchable(id, now));
    let ranked = 0;
    for (const vacancyId of vacancyIds) {
      if (++ranked % YIELD_EVERY === 0) await setImmediate();
      const expected = store.scoreCandidates(vacancyId, { limit: topPerVacancy, minScore }, now);
      for (const id of lacking(expected, vacancyTops.get(vacancyId))) {
        missing.push(`${vacancyId}:${id}`);
        rematchVacancies.add(vacancyId);
      }
    }
    const candidateIds = store.candidateIds().filter((id) => store.isCandidateMatchable(id, now));
    for (const candidateId of candidateIds) {
      if (++ranked % YIELD_EVERY === 0) await setImmediate();
      const expected = store.scoreVacancies(candidateId, { limit: topPerCandidate, minScore }, now);
      for (const id of lacking(expected, candidateTops.get(candidateId))) {
        missing.push(`${id}:${candidateId}`);
        rematchCandidates.add(candidateId);
      }
    }
    return {
      vacancies: vacancyIds.length,
      candidates: candidateIds.length,
      stored: rows.length,
      stale: stale.sort(),
      missing: [...new Set(missing)].sort(),
      outdated: outdated.sort(),
      rematch: { vacancies: [...rematchVacancies].sort(), candidates: [...rematchCandidates].sort() },
    };
  }
}

function add(sets: Map<string, Map<string, number>>, key: string, value: string, score: number): void {
  let set = sets.get(key);
  if (!set) sets.set(key, (set = new Map<string, number>()));
  set.set(value, score);
}

/**
 * The computed top pairs a stored set lacks. Among equal scores any of them may fill the last
 * places, so once the stored set is full, only a pair scoring above its lowest score is lacking.
 */
function lacking(
  expected: readonly { id: string; score: number }[],
  stored = new Map<string, number>(),
): string[] {
  const full = stored.size >= expected.length;
  const floor = Math.min(...stored.values());
  return expected
    .filter(({ id, score }) => !stored.has(id) && (!full || score > floor + SCORE_TOLERANCE))
    .map(({ id }) => id);
}

import { setImmediate } from 'node:timers/promises';
import type { StoredExplanation } from '../results/stored-explanation';
import { pairTie, type FeatureStore } from '../store/feature-store';

/**
 * Sets ranked between two returns to the event loop: a pass over the whole pool takes minutes, and
 * the job running it must keep renewing its lock meanwhile.
 */
export const YIELD_EVERY = 64;

export interface MatchSetLimits {
  topPerVacancy: number;
  topPerCandidate: number;
  minScore: number;
}

/** One row of the `matches` table as the store says it should be. */
export interface ExpectedMatch {
  vacancyId: string;
  candidateId: string;
  score: number;
  /** Orders equal scores; see `pairTie`. */
  tie: number;
  /** As the matches table stores it. */
  explanation: StoredExplanation;
  inVacancyTop: boolean;
  inCandidateTop: boolean;
}

/**
 * Every row the `matches` table should hold for the store as it is: each matchable vacancy's best
 * `topPerVacancy` candidates and each matchable candidate's best `topPerCandidate` vacancies, one
 * row per pair with both flags. Candidates' sets are ranked first and kept as slot numbers only, so
 * memory grows with the pairs, not with their explanations; each row is explained as it is yielded.
 * It hands the event loop back every few sets, so a long run does not starve the job's lock renewal.
 */
export async function* expectedMatches(
  store: FeatureStore,
  limits: MatchSetLimits,
): AsyncGenerator<ExpectedMatch> {
  const { topPerVacancy, topPerCandidate, minScore } = limits;
  const width = topPerCandidate;
  const candidateSlots = store.candidateSlots;
  // Per candidate slot: its set as vacancy slots + 1, negated once the pair has been yielded.
  const sets = new Int32Array(candidateSlots * width);
  const sizes = new Uint16Array(candidateSlots);
  let done = 0;
  for (const candidateId of store.candidateIds()) {
    if (++done % YIELD_EVERY === 0) await setImmediate();
    const slot = store.candidateSlotOf(candidateId)!;
    const ranked = store.scoreVacancies(candidateId, { limit: topPerCandidate, minScore });
    ranked.forEach((match, at) => (sets[slot * width + at] = match.slot + 1));
    sizes[slot] = ranked.length;
  }
  for (const vacancyId of store.vacancyIds()) {
    if (++done % YIELD_EVERY === 0) await setImmediate();
    const vacancySlot = store.vacancySlotOf(vacancyId)! + 1;
    for (const match of store.scoreCandidates(vacancyId, { limit: topPerVacancy, minScore })) {
      let inCandidateTop = false;
      for (let at = match.slot * width, end = at + sizes[match.slot]; at < end; at++) {
        if (sets[at] !== vacancySlot) continue;
        sets[at] = -vacancySlot;
        inCandidateTop = true;
        break;
      }
      yield row(store, vacancyId, match.id, true, inCandidateTop);
    }
  }
  for (let slot = 0; slot < candidateSlots; slot++) {
    for (let at = slot * width, end = at + sizes[slot]; at < end; at++) {
      if (sets[at] <= 0) continue;
      yield row(store, store.vacancyIdAt(sets[at] - 1)!, store.candidateIdAt(slot)!, false, true);
    }
  }
}

function row(
  store: FeatureStore,
  vacancyId: string,
  candidateId: string,
  inVacancyTop: boolean,
  inCandidateTop: boolean,
): ExpectedMatch {
  const { score, explanation } = store.explainStored(vacancyId, candidateId)!;
  return {
    vacancyId,
    candidateId,
    score,
    tie: pairTie(vacancyId, candidateId),
    explanation,
    inVacancyTop,
    inCandidateTop,
  };
}

import { compileCandidate, compileVacancy } from './compiled';
import type { MatchCandidateInput, MatchVacancyInput } from './match-input';
import { explainPair, type ScoredMatch, type ScoringModel } from './score';

/** One pair, from plain inputs: the reference the engine's batched paths must agree with. */
export function scoreMatch(
  vacancy: MatchVacancyInput,
  candidate: MatchCandidateInput,
  model: ScoringModel,
): ScoredMatch | null {
  return explainPair(compileVacancy(vacancy, model.space), compileCandidate(candidate, model.space), model);
}

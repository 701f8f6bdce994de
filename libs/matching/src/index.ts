export { expectedMatches, type ExpectedMatch, type MatchSetLimits } from './engine/expected-matches';
export { CROSS_FACTOR, Matcher, type FullRematch, type MatchOutcome } from './engine/matcher.service';
export { MatchingEngine } from './engine/matching-engine';
export { candidateShard } from './sharding/candidate-shard';
export { mergeShardLists } from './sharding/merge-shard-lists';
export {
  ShardedMatcher,
  type Routed,
  type ShardRanking,
  type ShardStaged,
} from './sharding/sharded-matcher.service';
export { MatchNotFoundError } from './matching.errors';
export { MatchingModule } from './matching.module';
export { MATCHES_SQL } from './matches.sql';
export { CandidateMatches } from './read/candidate-matches.service';
export { MatchConsistency, type MatchDrift, type MatchPairId } from './read/match-consistency.service';
export { CountryMatchImpact } from './read/country-match-impact.service';
export { EmployerMatches } from './read/employer-matches.service';
export * from './read/match-views';
export { PairExplanations, type PairExplanation } from './read/pair-explanations.service';
export { compileCandidate, compileVacancy } from './scoring/compiled';
export * from './scoring/factors';
export type * from './scoring/match-input';
export * from './scoring/score';
export { scoreMatch } from './scoring/score-match';
export { SkillSpace, type SkillEdges } from './scoring/skill-space';
export { expandExplanation, storedExplanation, type StoredExplanation } from './results/stored-explanation';
export { MatchResults } from './results/match-results.repository';
export {
  FeatureStore,
  pairTie,
  type ExplainableList,
  type RankedMatch,
  type ScoredSlot,
} from './store/feature-store';
export { FeatureLoader } from './store/feature-loader';
export { MatchingFeatures } from './store/matching-features.service';

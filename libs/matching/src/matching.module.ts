import { AuditModule } from '@app/audit';
import { CandidatesModule } from '@app/candidates';
import { EmployersModule } from '@app/employers';
import { QueueModule } from '@app/queue';
import { ShortageOccupationsModule } from '@app/shortage-occupations';
import { TaxonomyModule } from '@app/taxonomy';
import { Module } from '@nestjs/common';
import { MatchConsistency } from './read/match-consistency.service';
import { Matcher } from './engine/matcher.service';
import { CandidateMatches } from './read/candidate-matches.service';
import { CountryMatchImpact } from './read/country-match-impact.service';
import { EmployerMatches } from './read/employer-matches.service';
import { MatchDataSection } from './read/match-data-section';
import { MatchLabels } from './read/match-labels.service';
import { PairExplanations } from './read/pair-explanations.service';
import { MatchResults } from './results/match-results.repository';
import { FeatureLoader } from './store/feature-loader';
import { MatchingFeatures } from './store/matching-features.service';
import { ShardedMatcher } from './sharding/sharded-matcher.service';

/**
 * Matching: the worker's engine (feature store, scoring, atomic result sets) and the read side
 * for employers and candidates. The feature store loads on the first matching job, not at boot.
 */
@Module({
  imports: [
    AuditModule,
    CandidatesModule,
    EmployersModule,
    QueueModule,
    ShortageOccupationsModule,
    TaxonomyModule,
  ],
  providers: [
    FeatureLoader,
    MatchingFeatures,
    MatchResults,
    Matcher,
    ShardedMatcher,
    MatchLabels,
    EmployerMatches,
    CandidateMatches,
    MatchDataSection,
    CountryMatchImpact,
    PairExplanations,
    MatchConsistency,
  ],
  exports: [
    Matcher,
    ShardedMatcher,
    MatchingFeatures,
    EmployerMatches,
    CandidateMatches,
    CountryMatchImpact,
    PairExplanations,
    MatchConsistency,
  ],
})
export class MatchingModule {}

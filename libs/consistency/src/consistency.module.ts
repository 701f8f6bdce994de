import { CandidatesModule } from '@app/candidates';
import { MatchingModule } from '@app/matching';
import { QueueModule } from '@app/queue';
import { SearchModule } from '@app/search';
import { TaxonomySearchModule } from '@app/taxonomy';
import { VacanciesSearchModule } from '@app/vacancies';
import { Module } from '@nestjs/common';
import { ConsistencyChecker } from './consistency-checker.service';
import { ConsistencyReports } from './consistency-reports.service';

/** The stored reports and check requests alone (what the API needs). */
@Module({
  imports: [QueueModule],
  providers: [ConsistencyReports],
  exports: [ConsistencyReports],
})
export class ConsistencyReportsModule {}

/** The checker itself (the worker and the CLI): it reads every index and loads the matching features. */
@Module({
  imports: [
    ConsistencyReportsModule,
    QueueModule,
    SearchModule,
    CandidatesModule,
    VacanciesSearchModule,
    TaxonomySearchModule,
    MatchingModule,
  ],
  providers: [ConsistencyChecker],
  exports: [ConsistencyChecker, ConsistencyReportsModule],
})
export class ConsistencyModule {}

import { AuditModule } from '@app/audit';
import { EmployersModule } from '@app/employers';
import { SearchModule } from '@app/search';
import { Module } from '@nestjs/common';
import { JobSearch } from './jobs/job-search.service';
import { SupplyStatistics } from './statistics/supply-statistics.service';
import { TalentSearch } from './talent/talent-search.service';

/** Finding people and jobs: talent search, job search and supply statistics, all on Meilisearch. */
@Module({
  imports: [SearchModule, EmployersModule, AuditModule],
  providers: [TalentSearch, JobSearch, SupplyStatistics],
  exports: [TalentSearch, JobSearch, SupplyStatistics],
})
export class DiscoveryModule {}

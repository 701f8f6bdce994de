export * from './discovery.errors';
export { DiscoveryModule } from './discovery.module';
export type { EngineTimed } from './engine-call';
export { JOB_FACETS, JOB_SORTS, type JobQuery, type JobSort } from './jobs/job-query';
export { VACANCY_PAGE_PATH, type JobHit, type JobSearchResult } from './jobs/job-result';
export { JobSearch } from './jobs/job-search.service';
export * from './statistics/suppression';
export * from './statistics/supply-statistics.types';
export { SupplyStatistics } from './statistics/supply-statistics.service';
export {
  buildTalentSearch,
  PROGRAMME_FILTERS,
  TALENT_FACETS,
  TALENT_SORTS,
  type ProgrammeFilter,
  type TalentFacet,
  type TalentQuery,
  type TalentSort,
} from './talent/talent-query';
export {
  CARD_SKILLS,
  type FacetCounts,
  type MatchedSkill,
  type TalentDocumentHit,
  type TalentHit,
  type TalentProfile,
  type TalentSearchResult,
  type TalentSkill,
  toTalentHit,
} from './talent/talent-result';
export { TalentSearch } from './talent/talent-search.service';

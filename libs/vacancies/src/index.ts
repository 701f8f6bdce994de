export { VACANCIES_INDEX, VACANCIES_INDEX_DEFINITION } from './search/vacancies-index';
export { summaryOf, type VacancyDocument } from './search/vacancy-document';
export { VacancyIndexConsistency } from './search/vacancy-index-consistency.service';
export {
  VacancyIndexer,
  type ShortageChange,
  type VacancySyncReport,
} from './search/vacancy-indexer.service';
export * from './vacancies.errors';
export { VacanciesModule } from './vacancies.module';
export { VacanciesSearchModule } from './vacancies-search.module';
export { Vacancies } from './vacancies.service';
export * from './vacancies.types';
export { canMove, expiryOf, isEditable, VACANCY_STATUSES, type VacancyStatus } from './vacancy-status';
export { VacancyPublication } from './vacancy-publication.service';
export * from './public/admission-notice';
export { LIVE_VACANCY_FROM, LIVE_VACANCY_WHERE } from './public/live-vacancy';
export { PublicVacancies } from './public/public-vacancies.service';
export { VACANCIES_SQL } from './public/vacancies.sql';
export type * from './public/public-vacancy.types';

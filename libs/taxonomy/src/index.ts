export * from './esco-uri';
export type { CsvFileSummary } from './import/csv-file';
export type { RelationType } from './import/release.types';
export {
  TaxonomyImporter,
  type ImportProgress,
  type TaxonomyImportOptions,
  type TaxonomyImportReport,
} from './import/taxonomy-importer.service';
export type * from './lookup/taxonomy.views';
export { TaxonomyLookup } from './lookup/taxonomy-lookup.service';
export { conceptLabel, labelLanguageFor, type ConceptLabel } from './lookup/concept-labels';
export { TaxonomyIndexConsistency } from './search/taxonomy-consistency.service';
export {
  TAXONOMY_REBUILD_LOCK,
  TaxonomyIndexer,
  type TaxonomyIndexReport,
} from './search/taxonomy-indexer.service';
export * from './search/taxonomy-search.service';
export { TaxonomySearchModule } from './taxonomy-search.module';
export * from './taxonomy-language';
export * from './taxonomy.errors';
export { TaxonomyModule } from './taxonomy.module';
export { shippedEscoFolder } from './shipped-esco';
export {
  CURRENT_TAXONOMY_VERSION_SQL,
  OCCUPATIONS_SQL,
  PROFILED_OCCUPATIONS_SQL,
  SKILL_BROADER_LINKS_SQL,
  SKILL_PROFILE_COUNTS_SQL,
  SKILL_RELATED_LINKS_SQL,
} from './taxonomy.sql';
export * from './suggestions/concept-suggestions.service';

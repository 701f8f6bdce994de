import type { Settings } from 'meilisearch';

/** A Meilisearch index as code: its logical name, primary key and settings. */
export interface SearchIndexDefinition {
  /** Logical name; the real index uid is `SEARCH_INDEX_PREFIX + name`. */
  readonly name: string;
  readonly primaryKey: string;
  readonly settings: Settings;
}

export { ensureLocalMeilisearch, type LocalMeilisearch } from './local/local-meilisearch';
export {
  MEILISEARCH_SHA256,
  MEILISEARCH_VERSION,
  prepareMeilisearchBinary,
  sha256File,
} from './local/meilisearch-binary';
export { meilisearchApiError, meilisearchTransport } from './meilisearch-transport';
export { enginePage, windowOf, type EnginePage } from './engine-page';
export { isSearchUnavailable } from './search-unavailable';
export { MEILI_CLIENT, SearchTaskFailedError, settle, settleAll } from './search-client';
export type { SearchIndexDefinition } from './search-index';
export { SearchIndexes } from './search-indexes.service';
export { SearchModule } from './search.module';
export {
  compareIndex,
  documentFingerprint,
  type IndexConsistencySource,
  type IndexDrift,
} from './index-consistency';
export { BUILD_MARK, type IndexRebuildReport, type IndexRebuildSource } from './writing/index-rebuild';
export { SearchIndexWriter } from './writing/search-index-writer.service';

import type { OutboxService } from '@app/queue';
import type { IndexConsistencySource, SearchIndexDefinition } from '@app/search';
import type { DataSource } from 'typeorm';
import type { ConceptDocument } from './taxonomy-documents';

/**
 * A taxonomy index as the consistency check sees it: every concept's document, and one repair for
 * any drift, the `taxonomy.reindex` job (a full rebuild and swap, which is cheap for the taxonomy).
 */
export function taxonomyIndexConsistency(
  definition: SearchIndexDefinition,
  documents: () => Promise<ConceptDocument[]>,
  dataSource: DataSource,
  outbox: OutboxService,
): IndexConsistencySource {
  return {
    index: definition.name,
    primaryKey: definition.primaryKey,
    async *expectedDocuments() {
      yield await documents();
    },
    async repair(ids) {
      if (ids.length === 0) return;
      await dataSource.transaction((manager) =>
        outbox.add(manager, 'taxonomy.reindex', { version: 'consistency-repair' }),
      );
    },
  };
}

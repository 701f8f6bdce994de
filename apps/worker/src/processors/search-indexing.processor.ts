import type { JobHandlers } from '@app/queue';
import { TaxonomyIndexer } from '@app/taxonomy';
import { Processor } from '@nestjs/bullmq';
import { TypedProcessor } from './typed-processor';

@Processor('search-indexing')
export class SearchIndexingProcessor extends TypedProcessor<'search-indexing'> {
  /**
   * Every job here rebuilds whole indexes: two at once double the engine's work and race to swap
   * the same live indexes, so they run one after the other.
   */
  override readonly concurrency = 1;

  constructor(private readonly taxonomy: TaxonomyIndexer) {
    super();
  }

  readonly handlers: JobHandlers<'search-indexing'> = {
    // The payload's version is informational: the rebuild always reads the taxonomy as it is now.
    'taxonomy.reindex': () => this.taxonomy.rebuild(),
  };
}

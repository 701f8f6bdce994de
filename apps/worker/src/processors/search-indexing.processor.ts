import type { JobHandlers } from '@app/queue';
import { TaxonomyIndexer } from '@app/taxonomy';
import { Processor } from '@nestjs/bullmq';
import { TypedProcessor } from './typed-processor';

@Processor('search-indexing')
export class SearchIndexingProcessor extends TypedProcessor<'search-indexing'> {
  constructor(private readonly taxonomy: TaxonomyIndexer) {
    super();
  }

  readonly handlers: JobHandlers<'search-indexing'> = {
    // The payload's version is informational: the rebuild always reads the taxonomy as it is now.
    'taxonomy.reindex': () => this.taxonomy.rebuild(),
  };
}

import { OutboxService } from '@app/queue';
import type { IndexConsistencySource } from '@app/search';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { taxonomyIndexConsistency } from './taxonomy-index-consistency';
import { TaxonomyIndexer } from './taxonomy-indexer.service';
import { OCCUPATIONS_INDEX_DEFINITION, SKILLS_INDEX_DEFINITION } from './taxonomy-indexes';

/** The occupation and skill indexes as the consistency check sees them. */
@Injectable()
export class TaxonomyIndexConsistency {
  readonly sources: readonly IndexConsistencySource[];

  constructor(@InjectDataSource() dataSource: DataSource, indexer: TaxonomyIndexer, outbox: OutboxService) {
    this.sources = [
      taxonomyIndexConsistency(
        OCCUPATIONS_INDEX_DEFINITION,
        () => indexer.occupationDocuments(),
        dataSource,
        outbox,
      ),
      taxonomyIndexConsistency(SKILLS_INDEX_DEFINITION, () => indexer.skillDocuments(), dataSource, outbox),
    ];
  }
}

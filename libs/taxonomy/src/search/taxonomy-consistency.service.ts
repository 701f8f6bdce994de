import { OutboxService } from '@app/queue';
import type { IndexConsistencySource } from '@app/search';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { requestTaxonomyReindex, taxonomyIndexConsistency } from './taxonomy-index-consistency';
import { TaxonomyIndexer } from './taxonomy-indexer.service';
import { OCCUPATIONS_INDEX_DEFINITION, SKILLS_INDEX_DEFINITION } from './taxonomy-indexes';
import { TaxonomySearch } from './taxonomy-search.service';
import { OCCUPATIONS_SQL } from '../taxonomy.sql';

/** The occupation and skill indexes as the consistency check sees them. */
@Injectable()
export class TaxonomyIndexConsistency {
  readonly sources: readonly IndexConsistencySource[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    indexer: TaxonomyIndexer,
    private readonly outbox: OutboxService,
    private readonly search: TaxonomySearch,
  ) {
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

  /**
   * Asks for a rebuild (`taxonomy.reindex`, through the outbox) when the search engine serves no
   * taxonomy while Postgres holds one: an engine that is new or lost its data, beside a database
   * imported earlier, would otherwise wait for an import that never comes, and the API would never
   * report ready. True when it asked.
   */
  async rebuildIfUnserved(): Promise<boolean> {
    if ((await this.search.readiness()).ready) return false;
    const [{ imported }] = await this.dataSource.query<{ imported: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM ${OCCUPATIONS_SQL} o) AS imported`,
    );
    if (!imported) return false;
    await requestTaxonomyReindex(this.dataSource, this.outbox, 'engine-without-taxonomy');
    return true;
  }
}

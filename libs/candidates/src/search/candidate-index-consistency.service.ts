import type { IndexConsistencySource } from '@app/search';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CANDIDATES_INDEX, CANDIDATES_INDEX_DEFINITION } from './candidate-index';
import { CandidateIndexRequests } from './candidate-index-requests.service';
import { CandidateIndexer } from './candidate-indexer.service';

/**
 * The candidates index as the consistency check sees it: the documents Postgres says it should hold,
 * and repairs through the usual `candidates.sync-index` jobs (which bring the matches along). A
 * document whose candidate no longer exists at all is removed by its reference code.
 */
@Injectable()
export class CandidateIndexConsistency implements IndexConsistencySource {
  readonly index = CANDIDATES_INDEX;
  readonly primaryKey = CANDIDATES_INDEX_DEFINITION.primaryKey;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indexer: CandidateIndexer,
    private readonly requests: CandidateIndexRequests,
  ) {}

  expectedDocuments(): AsyncIterable<readonly object[]> {
    return this.indexer.expectedPages();
  }

  async repair(referenceCodes: readonly string[]): Promise<void> {
    const rows = await this.dataSource.query<{ id: string; referenceCode: string }[]>(
      `SELECT id, reference_code AS "referenceCode" FROM candidates WHERE reference_code = ANY($1::text[])`,
      [[...referenceCodes]],
    );
    await this.dataSource.transaction(async (manager) => {
      for (const row of rows)
        await this.requests.candidateChanged(manager, { id: row.id, referenceCode: row.referenceCode });
    });
    const known = new Set(rows.map((row) => row.referenceCode));
    await this.indexer.remove(referenceCodes.filter((code) => !known.has(code)));
  }
}

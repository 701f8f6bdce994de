import { OutboxService } from '@app/queue';
import type { IndexConsistencySource } from '@app/search';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { VACANCIES_INDEX, VACANCIES_INDEX_DEFINITION } from './vacancies-index';
import { VacancyIndexer } from './vacancy-indexer.service';

/**
 * The vacancies index as the consistency check sees it: the live vacancies' documents, and repairs
 * through the usual `vacancies.sync` jobs (which bring the matches along).
 */
@Injectable()
export class VacancyIndexConsistency implements IndexConsistencySource {
  readonly index = VACANCIES_INDEX;
  readonly primaryKey = VACANCIES_INDEX_DEFINITION.primaryKey;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indexer: VacancyIndexer,
    private readonly outbox: OutboxService,
  ) {}

  expectedDocuments(): AsyncIterable<readonly object[]> {
    return this.indexer.expectedPages();
  }

  async repair(ids: readonly string[]): Promise<void> {
    const unknown = new Set(await this.indexer.removeUnknown(ids));
    await this.dataSource.transaction(async (manager) => {
      for (const vacancyId of ids.filter((id) => !unknown.has(id)))
        await this.outbox.add(manager, 'vacancies.sync', { vacancyId });
    });
  }
}

import { enginePage, MEILI_CLIENT, SearchIndexes, windowOf } from '@app/search';
import { VACANCIES_INDEX } from '@app/vacancies';
import { Inject, Injectable } from '@nestjs/common';
import type { Meilisearch } from 'meilisearch';
import { engineCall, type EngineTimed } from '../engine-call';
import { buildJobSearch, type JobQuery } from './job-query';
import { toJobHit, type JobDocumentHit, type JobSearchResult } from './job-result';

/** Anyone may search open vacancies: the index holds only what may be shown publicly. */
@Injectable()
export class JobSearch {
  constructor(
    @Inject(MEILI_CLIENT) private readonly client: Meilisearch,
    private readonly indexes: SearchIndexes,
  ) {}

  async search(query: JobQuery): Promise<EngineTimed<JobSearchResult>> {
    const request = buildJobSearch(query, new Date());
    const response = await engineCall(() =>
      this.client.index<JobDocumentHit>(this.indexes.uid(VACANCIES_INDEX)).search(request.q, request),
    );
    const window = windowOf(query, enginePage(query), response);
    return {
      engineTimeMs: response.processingTimeMs,
      result: {
        ...window,
        items: window.items.map(toJobHit),
        facets: response.facetDistribution ?? {},
      },
    };
  }
}

import { CANDIDATES_INDEX } from '@app/candidates';
import { MEILI_CLIENT, SearchIndexes, settle } from '@app/search';
import { VACANCIES_INDEX } from '@app/vacancies';
import type { INestApplicationContext } from '@nestjs/common';
import type { Meilisearch } from 'meilisearch';

/**
 * The run's candidate and vacancy indexes keep what earlier specs wrote (a fault spec leaves
 * thousands of profiles); a spec that empties the tables and then counts, ranks or mails search
 * hits empties these indexes too, so that it sees its own data alone, whatever ran before it.
 */
export async function emptySearchIndexes(app: INestApplicationContext): Promise<void> {
  const client = app.get<Meilisearch>(MEILI_CLIENT);
  const indexes = app.get(SearchIndexes);
  for (const name of [CANDIDATES_INDEX, VACANCIES_INDEX])
    await settle(client.index(indexes.uid(name)).deleteAllDocuments(), 600_000, 'index_not_found');
}

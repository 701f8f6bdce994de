import { Module } from '@nestjs/common';
import { MEILI_CLIENT, MeilisearchConnection } from './search-client';
import { SearchIndexes } from './search-indexes.service';
import { SearchIndexWriter } from './writing/search-index-writer.service';

@Module({
  providers: [
    MeilisearchConnection,
    {
      provide: MEILI_CLIENT,
      inject: [MeilisearchConnection],
      useFactory: (connection: MeilisearchConnection) => connection.connect(),
    },
    SearchIndexes,
    SearchIndexWriter,
  ],
  exports: [MEILI_CLIENT, SearchIndexes, SearchIndexWriter],
})
export class SearchModule {}

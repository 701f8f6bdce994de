import { Module } from '@nestjs/common';
import { MEILI_CLIENT, MeilisearchConnection } from './search-client';
import { SearchIndexes } from './search-indexes.service';

@Module({
  providers: [
    MeilisearchConnection,
    {
      provide: MEILI_CLIENT,
      inject: [MeilisearchConnection],
      useFactory: (connection: MeilisearchConnection) => connection.connect(),
    },
    SearchIndexes,
  ],
  exports: [MEILI_CLIENT, SearchIndexes],
})
export class SearchModule {}

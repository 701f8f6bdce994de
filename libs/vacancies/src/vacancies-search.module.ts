import { QueueModule } from '@app/queue';
import { SearchModule } from '@app/search';
import { ShortageOccupationsModule } from '@app/shortage-occupations';
import { TaxonomyModule } from '@app/taxonomy';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VacancyIndexConsistency } from './search/vacancy-index-consistency.service';
import { VacancyIndexer } from './search/vacancy-indexer.service';
import { VacancyEntity } from './vacancy.entity';

/** Vacancies in Meilisearch: the index definition and its synchronisation (used by the worker). */
@Module({
  imports: [
    TypeOrmModule.forFeature([VacancyEntity]),
    SearchModule,
    TaxonomyModule,
    ShortageOccupationsModule,
    QueueModule,
  ],
  providers: [VacancyIndexer, VacancyIndexConsistency],
  exports: [VacancyIndexer, VacancyIndexConsistency],
})
export class VacanciesSearchModule {}

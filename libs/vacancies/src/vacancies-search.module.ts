import { SearchModule } from '@app/search';
import { ShortageOccupationsModule } from '@app/shortage-occupations';
import { TaxonomyModule } from '@app/taxonomy';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VacancyIndexer } from './search/vacancy-indexer.service';
import { VacancyEntity } from './vacancy.entity';

/** Vacancies in Meilisearch: the index definition and its synchronisation (used by the worker). */
@Module({
  imports: [
    TypeOrmModule.forFeature([VacancyEntity]),
    SearchModule,
    TaxonomyModule,
    ShortageOccupationsModule,
  ],
  providers: [VacancyIndexer],
  exports: [VacancyIndexer],
})
export class VacanciesSearchModule {}

import { QueueModule } from '@app/queue';
import { SearchModule } from '@app/search';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OccupationEntity } from './entities/occupation.entity';
import { SkillEntity } from './entities/skill.entity';
import { TaxonomyIndexConsistency } from './search/taxonomy-consistency.service';
import { TaxonomyIndexer } from './search/taxonomy-indexer.service';
import { TaxonomySearch } from './search/taxonomy-search.service';

/** The taxonomy in Meilisearch: index definitions, rebuild and autocomplete. */
@Module({
  imports: [TypeOrmModule.forFeature([OccupationEntity, SkillEntity]), SearchModule, QueueModule],
  providers: [TaxonomyIndexer, TaxonomySearch, TaxonomyIndexConsistency],
  exports: [TaxonomyIndexer, TaxonomySearch, TaxonomyIndexConsistency],
})
export class TaxonomySearchModule {}

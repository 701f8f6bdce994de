import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IscoGroupEntity } from './entities/isco-group.entity';
import { OccupationSkillEntity } from './entities/occupation-skill.entity';
import { OccupationEntity } from './entities/occupation.entity';
import { SkillEntity } from './entities/skill.entity';
import { TaxonomyVersionEntity } from './entities/taxonomy-version.entity';
import { TaxonomyImporter } from './import/taxonomy-importer.service';
import { TaxonomyLookup } from './lookup/taxonomy-lookup.service';
import { ConceptSuggestions } from './suggestions/concept-suggestions.service';

/** The taxonomy in Postgres: import and lookup. Needs DatabaseModule in the application. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      OccupationEntity,
      SkillEntity,
      OccupationSkillEntity,
      IscoGroupEntity,
      TaxonomyVersionEntity,
    ]),
    QueueModule,
  ],
  providers: [TaxonomyImporter, TaxonomyLookup, ConceptSuggestions],
  exports: [TaxonomyImporter, TaxonomyLookup, ConceptSuggestions],
})
export class TaxonomyModule {}

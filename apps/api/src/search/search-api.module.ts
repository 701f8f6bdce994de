import { TaxonomyModule } from '@app/taxonomy';
import { DiscoveryModule } from '@app/discovery';
import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { StatisticsController } from './statistics.controller';

@Module({ imports: [DiscoveryModule, TaxonomyModule], controllers: [SearchController, StatisticsController] })
export class SearchApiModule {}

import { TaxonomyModule, TaxonomySearchModule } from '@app/taxonomy';
import { Module } from '@nestjs/common';
import { TaxonomyController } from './taxonomy.controller';

@Module({
  imports: [TaxonomyModule, TaxonomySearchModule],
  controllers: [TaxonomyController],
})
export class TaxonomyApiModule {}

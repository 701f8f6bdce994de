import { ShortageOccupationsModule } from '@app/shortage-occupations';
import { TaxonomyModule } from '@app/taxonomy';
import { Module } from '@nestjs/common';
import { ShortageOccupationsController } from './shortage-occupations.controller';

@Module({
  imports: [ShortageOccupationsModule, TaxonomyModule],
  controllers: [ShortageOccupationsController],
})
export class ShortageOccupationsApiModule {}

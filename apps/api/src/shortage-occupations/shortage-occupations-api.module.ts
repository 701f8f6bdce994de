import { ShortageOccupationsModule } from '@app/shortage-occupations';
import { Module } from '@nestjs/common';
import { ShortageOccupationsController } from './shortage-occupations.controller';

@Module({ imports: [ShortageOccupationsModule], controllers: [ShortageOccupationsController] })
export class ShortageOccupationsApiModule {}

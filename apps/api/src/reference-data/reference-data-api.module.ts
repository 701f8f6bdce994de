import { ReferenceDataModule } from '@app/reference-data';
import { Module } from '@nestjs/common';
import { ReferenceDataController } from './reference-data.controller';

@Module({ imports: [ReferenceDataModule], controllers: [ReferenceDataController] })
export class ReferenceDataApiModule {}

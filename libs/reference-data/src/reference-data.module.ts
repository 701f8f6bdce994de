import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CefrLevelEntity } from './entities/cefr-level.entity';
import { CountryEntity } from './entities/country.entity';
import { EqfLevelEntity } from './entities/eqf-level.entity';
import { LanguageEntity } from './entities/language.entity';
import { MemberStateEntity } from './entities/member-state.entity';
import { MemberStateRecords } from './member-state-records.service';
import { ReferenceDataSeeder } from './reference-data.seeder';
import { ReferenceData } from './reference-data.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      CountryEntity,
      LanguageEntity,
      CefrLevelEntity,
      EqfLevelEntity,
      MemberStateEntity,
    ]),
  ],
  providers: [ReferenceData, ReferenceDataSeeder, MemberStateRecords],
  exports: [ReferenceData, ReferenceDataSeeder, MemberStateRecords],
})
export class ReferenceDataModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PartnerCountryStatusEntity } from './partner-country-status.entity';
import { PartnerCountries } from './partner-countries.service';

@Module({
  imports: [TypeOrmModule.forFeature([PartnerCountryStatusEntity])],
  providers: [PartnerCountries],
  exports: [PartnerCountries],
})
export class PartnerCountriesModule {}

import { PartnerCountriesModule } from '@app/partner-countries';
import { PartnerCountryAdministrationModule } from '@app/partner-country-administration';
import { Module } from '@nestjs/common';
import { PartnerCountriesAdminController } from './partner-countries-admin.controller';
import { PartnerCountriesController } from './partner-countries.controller';

@Module({
  imports: [PartnerCountryAdministrationModule, PartnerCountriesModule],
  controllers: [PartnerCountriesAdminController, PartnerCountriesController],
})
export class PartnerCountriesAdminApiModule {}

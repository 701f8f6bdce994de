import { PartnerCountryAdministrationModule } from '@app/partner-country-administration';
import { Module } from '@nestjs/common';
import { PartnerCountriesAdminController } from './partner-countries-admin.controller';

@Module({ imports: [PartnerCountryAdministrationModule], controllers: [PartnerCountriesAdminController] })
export class PartnerCountriesAdminApiModule {}

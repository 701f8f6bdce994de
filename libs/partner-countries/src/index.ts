export * from './partner-country-status';
export { PartnerCountriesModule } from './partner-countries.module';
export { PartnerCountries } from './partner-countries.service';
export { countriesRefusingCandidatesSql, partnerCountryStatusesOnSql } from './partner-country-statuses.sql';

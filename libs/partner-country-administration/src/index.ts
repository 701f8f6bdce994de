export { visibilityChange, type VisibilityChange } from './country-impact';
export * from './partner-country-administration.errors';
export { PartnerCountryAdministrationModule } from './partner-country-administration.module';
export { PartnerCountryAdministration } from './partner-country-administration.service';
export type * from './partner-country-administration.types';

export { checkShortage, resolveList } from './shortage-list';
export { ShortageListAdministration } from './shortage-list-administration.service';
export { ShortageLists } from './shortage-lists.service';
export { ShortageOccupationsModule } from './shortage-occupations.module';
export { ShortageSeeder, type ShortageSeedReport } from './shortage-seeder';
export * from './shortage.errors';
export * from './shortage.types';
export { shortageAdditionsOnSql } from './shortage-entries.sql';

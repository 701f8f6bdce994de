export { ReferenceDataModule } from './reference-data.module';
export { ReferenceDataSeeder } from './reference-data.seeder';
export { ReferenceData } from './reference-data.service';
export * from './reference-data.types';
export {
  MemberStateRecords,
  type MemberStateRecord,
  type MemberStateSettings,
} from './member-state-records.service';
export { CEFR_CODES, cefrRank, cefrRankSql, isCefrCode, type CefrCode } from './rules/cefr';
export {
  COUNTRIES_SQL,
  EU_MEMBER_COUNTRIES_SQL,
  EU_MEMBER_STATES,
  isEuMemberState,
} from './rules/eu-member-states';
export { participatesOn, participatingMemberStatesSql, type ParticipationDates } from './rules/participation';

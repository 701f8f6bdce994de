export * from './candidate.errors';
export * from './candidate.types';
export {
  CANDIDATE_MATCHING_PROFILES_SQL,
  CANDIDATE_OCCUPATIONS_SQL,
  CANDIDATE_SKILLS_SQL,
  CANDIDATES_SQL,
  candidatesOfCountrySql,
} from './candidates.sql';
export { CandidatesModule } from './candidates.module';
export { ageOn, eligibilityRefusals, type EligibilityFacts } from './eligibility/eligibility';
export { normalisePhone } from './profile/phone-number';
export { REFERENCE_CODE } from './profile/reference-code';
export type { CandidateDocument } from './search/candidate-document';
export { CANDIDATES_INDEX } from './search/candidate-index';
export { CandidateIndexRequests } from './search/candidate-index-requests.service';
export { CandidateIndexConsistency } from './search/candidate-index-consistency.service';
export { CandidateIndexer, type CandidateToSync } from './search/candidate-indexer.service';
export { CandidateCountryImpact, type CountryImpact } from './use-cases/candidate-country-impact.service';
export { CandidateDuplicates } from './use-cases/candidate-duplicates.service';
export { CandidateLifecycle } from './use-cases/candidate-lifecycle.service';
export { CandidatePrivacy, type PersonalDataExport } from './use-cases/candidate-privacy.service';
export { CandidateProfiles } from './use-cases/candidate-profiles.service';
export { CandidateRegistration } from './use-cases/candidate-registration.service';
export {
  PersonalDataSections,
  type DataSubject,
  type PersonalDataSection,
} from './use-cases/personal-data-sections';
export {
  EuropassImport,
  type EuropassDraft,
  type EuropassWorkDraft,
} from './europass/europass-import.service';
export { InvalidEuropassCvError, parseEuropassCv, type EuropassCv } from './europass/europass-cv';

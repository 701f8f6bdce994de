import { CreateOutbox1795932277049 } from './1795932277049-CreateOutbox';
import { CreateTaxonomyAndReferenceData1795932966249 } from './1795932966249-CreateTaxonomyAndReferenceData';
import { CreateIdentity1795932992923 } from './1795932992923-CreateIdentity';
import { CreateAuditEvents1795932992924 } from './1795932992924-CreateAuditEvents';
import { CreateMailMessages1795932992925 } from './1795932992925-CreateMailMessages';
import { CreatePartnerCountryStatuses1795934488827 } from './1795934488827-CreatePartnerCountryStatuses';
import { CreateShortageOccupations1795934543166 } from './1795934543166-CreateShortageOccupations';
import { CreateEmployers1795934543167 } from './1795934543167-CreateEmployers';
import { CreateVacancies1795934543168 } from './1795934543168-CreateVacancies';
import { CreateCandidates1795934600387 } from './1795934600387-CreateCandidates';
import { AllowAuditErasure1795934600388 } from './1795934600388-AllowAuditErasure';
import { CreatePartnerCountryAppliedStatuses1795935261813 } from './1795935261813-CreatePartnerCountryAppliedStatuses';
import { CreateMatches1795935938867 } from './1795935938867-CreateMatches';
import { IndexMatchesByCandidate1795938220513 } from './1795938220513-IndexMatchesByCandidate';
import { IdentifyOutboxMessagesUniquely1795938220514 } from './1795938220514-IdentifyOutboxMessagesUniquely';
import { SeparateInvitationsFromResets1795938220515 } from './1795938220515-SeparateInvitationsFromResets';
import { CreateContacts1795940000000 } from './1795940000000-CreateContacts';
import { CreateConsistencyReports1795951000000 } from './1795951000000-CreateConsistencyReports';
import { CompactMatchRows1795951800000 } from './1795951800000-CompactMatchRows';
import { CreateNotifications1796200000000 } from './1796200000000-CreateNotifications';
import { CreateVacancyVersions1796300000000 } from './1796300000000-CreateVacancyVersions';
import { CreateMatchRefreshRows1796400000000 } from './1796400000000-CreateMatchRefreshRows';
import { UnloggedMatchRefreshRows1796500000000 } from './1796500000000-UnloggedMatchRefreshRows';
import { CoverMatchSetFloors1796600000000 } from './1796600000000-CoverMatchSetFloors';
import { MatchExplanationsAsText1796700000000 } from './1796700000000-MatchExplanationsAsText';

/** Every migration, oldest first. A unit test checks that each file in this folder is listed. */
export const migrations = [
  CreateOutbox1795932277049,
  CreateTaxonomyAndReferenceData1795932966249,
  CreateIdentity1795932992923,
  CreateAuditEvents1795932992924,
  CreateMailMessages1795932992925,
  CreatePartnerCountryStatuses1795934488827,
  CreateShortageOccupations1795934543166,
  CreateEmployers1795934543167,
  CreateVacancies1795934543168,
  CreateCandidates1795934600387,
  AllowAuditErasure1795934600388,
  CreatePartnerCountryAppliedStatuses1795935261813,
  CreateMatches1795935938867,
  IndexMatchesByCandidate1795938220513,
  IdentifyOutboxMessagesUniquely1795938220514,
  SeparateInvitationsFromResets1795938220515,
  CreateContacts1795940000000,
  CreateConsistencyReports1795951000000,
  CompactMatchRows1795951800000,
  CreateNotifications1796200000000,
  CreateVacancyVersions1796300000000,
  CreateMatchRefreshRows1796400000000,
  UnloggedMatchRefreshRows1796500000000,
  CoverMatchSetFloors1796600000000,
  MatchExplanationsAsText1796700000000,
];

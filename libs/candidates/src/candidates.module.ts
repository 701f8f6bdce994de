import { AuditModule } from '@app/audit';
import { IdentityModule } from '@app/identity';
import { MailModule } from '@app/mail';
import { PartnerCountriesModule } from '@app/partner-countries';
import { QueueModule } from '@app/queue';
import { ReferenceDataModule } from '@app/reference-data';
import { SearchModule } from '@app/search';
import { TaxonomyModule } from '@app/taxonomy';
import { Module } from '@nestjs/common';
import { CandidateEligibility } from './eligibility/candidate-eligibility.service';
import { ProfileValidator } from './profile/profile-validator.service';
import { CandidateIndexConsistency } from './search/candidate-index-consistency.service';
import { CandidateIndexRequests } from './search/candidate-index-requests.service';
import { CandidateIndexSources } from './search/candidate-index-sources.service';
import { CandidateIndexer } from './search/candidate-indexer.service';
import { CandidateRepository } from './store/candidate.repository';
import { CandidateCountryImpact } from './use-cases/candidate-country-impact.service';
import { CandidateDuplicates } from './use-cases/candidate-duplicates.service';
import { CandidateLifecycle } from './use-cases/candidate-lifecycle.service';
import { CandidatePrivacy } from './use-cases/candidate-privacy.service';
import { CandidateProfiles } from './use-cases/candidate-profiles.service';
import { CandidateRegistration } from './use-cases/candidate-registration.service';
import { PersonalDataSections } from './use-cases/personal-data-sections';
import { EuropassImport } from './europass/europass-import.service';

const PUBLIC = [
  EuropassImport,
  CandidateRegistration,
  CandidateProfiles,
  CandidateLifecycle,
  CandidatePrivacy,
  CandidateDuplicates,
  CandidateCountryImpact,
  CandidateIndexRequests,
  CandidateIndexer,
  CandidateIndexConsistency,
  PersonalDataSections,
];

/** Candidates: registration with eligibility, profile, lifecycle, privacy rights and search indexing. */
@Module({
  imports: [
    AuditModule,
    IdentityModule,
    MailModule,
    PartnerCountriesModule,
    QueueModule,
    ReferenceDataModule,
    SearchModule,
    TaxonomyModule,
  ],
  providers: [...PUBLIC, CandidateRepository, CandidateEligibility, ProfileValidator, CandidateIndexSources],
  exports: PUBLIC,
})
export class CandidatesModule {}

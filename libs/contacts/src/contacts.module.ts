import { AuditModule } from '@app/audit';
import { CandidatesModule } from '@app/candidates';
import { EmployersModule } from '@app/employers';
import { IdentityModule } from '@app/identity';
import { MailModule } from '@app/mail';
import { MatchingModule } from '@app/matching';
import { TaxonomyModule } from '@app/taxonomy';
import { VacanciesModule } from '@app/vacancies';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { ConsentReceipts } from './consent/consent-receipts.service';
import { ContactDataSections } from './consent/contact-data-sections';
import { ContactNotifier } from './mail/contact-notifier.service';
import { ContactOversight } from './oversight/contact-oversight.service';
import { PlacementStatistics } from './oversight/placement-statistics.service';
import { ContactRepository } from './store/contact.repository';
import { Applications } from './use-cases/applications.service';
import { CandidateContactViews } from './use-cases/candidate-contact-views.service';
import { CandidateContacts } from './use-cases/candidate-contacts.service';
import { ContactLimits } from './use-cases/contact-limits.service';
import { ContactParties } from './use-cases/contact-parties.service';
import { ContactRequests } from './use-cases/contact-requests.service';
import { Conversations } from './use-cases/conversations.service';
import { EmployerContactViews } from './use-cases/employer-contact-views.service';
import { EmployerPipeline } from './use-cases/employer-pipeline.service';

const PUBLIC = [
  Applications,
  ContactRequests,
  CandidateContacts,
  EmployerPipeline,
  Conversations,
  ContactOversight,
  PlacementStatistics,
];

/** Applications, contact requests, consent and disclosure, conversations and the hiring pipeline. */
@Module({
  imports: [
    AuditModule,
    CandidatesModule,
    EmployersModule,
    IdentityModule,
    MailModule,
    MatchingModule,
    QueueModule,
    TaxonomyModule,
    VacanciesModule,
  ],
  providers: [
    ...PUBLIC,
    ContactRepository,
    ContactParties,
    ContactLimits,
    ConsentReceipts,
    ContactNotifier,
    CandidateContactViews,
    EmployerContactViews,
    ContactDataSections,
  ],
  exports: PUBLIC,
})
export class ContactsModule {}

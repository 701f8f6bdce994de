export { CONSENT_TEXT_VERSION } from './consent/consent-terms';
export { mayDisclose } from './consent/disclosure';
export * from './contact.types';
export * from './contacts.errors';
export { ContactsModule } from './contacts.module';
export { CONTACT_MAIL_EVENTS, type ContactMailEvent } from './mail/contact-mails';
export { ContactOversight } from './oversight/contact-oversight.service';
export { PlacementStatistics, type PlacementStatisticsView } from './oversight/placement-statistics.service';
export { EMPLOYER_STAGES, type EmployerStage } from './pipeline/stages';
export { Applications, type ApplicationInput } from './use-cases/applications.service';
export { CandidateContacts } from './use-cases/candidate-contacts.service';
export {
  ContactRequests,
  labelLanguage,
  type AcceptInput,
  type ContactRequestInput,
} from './use-cases/contact-requests.service';
export { Conversations } from './use-cases/conversations.service';
export { EmployerPipeline } from './use-cases/employer-pipeline.service';

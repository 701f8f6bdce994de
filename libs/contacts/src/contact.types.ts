import type { ReaderLanguage } from '@app/vacancies';

export const CONTACT_ORIGINS = ['application', 'request'] as const;
export type ContactOrigin = (typeof CONTACT_ORIGINS)[number];

/** pending: asked, not answered; granted: identity disclosed; declined / withdrawn: never or no longer. */
export const CONSENT_STATES = ['pending', 'granted', 'declined', 'withdrawn'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export const STAGES = [
  'new',
  'contacted',
  'accepted',
  'interviewing',
  'offered',
  'hired',
  'not_selected',
  'withdrawn',
] as const;
export type Stage = (typeof STAGES)[number];

/** Identity fields an organisation may receive; name, email and phone always go together. */
export const DISCLOSED_FIELDS = ['name', 'email', 'phone', 'qualifications', 'workExperience'] as const;
export type DisclosedField = (typeof DISCLOSED_FIELDS)[number];

export interface ShareChoice {
  shareQualifications?: boolean;
  shareWorkExperience?: boolean;
}

export interface ConsentTerms {
  /** Send it back when confirming: a consent is recorded against the text the candidate was shown. */
  version: string;
  language: ReaderLanguage;
  text: string;
  fields: DisclosedField[];
}

export interface CandidateIdentity {
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  qualifications?: {
    title: string;
    issuer: string | null;
    countryCode: string | null;
    year: number | null;
  }[];
  workExperience?: {
    occupationUri: string;
    employerName: string;
    countryCode: string;
    startDate: string;
    endDate: string | null;
  }[];
}

export interface LabelledConcept {
  uri: string;
  label: string;
  language: string;
}

/** What an organisation may always see of a candidate in its pipeline: no identity. */
export interface PseudonymousProfile {
  referenceCode: string;
  occupations: (LabelledConcept & { yearsOfExperience: number })[];
  skills: LabelledConcept[];
  languages: { code: string; cefr: string }[];
  maxEqfLevel: number | null;
  residenceCountry: string;
  preferredMemberStates: string[];
  availableFrom: string | null;
}

export interface MessageView {
  id: string;
  sender: 'candidate' | 'employer';
  body: string;
  sentAt: Date;
}

/** One (vacancy, candidate) pair as the organisation sees it. */
export interface EmployerContactView {
  contactId: string;
  vacancyId: string;
  referenceCode: string;
  origin: ContactOrigin;
  consent: ConsentState;
  stage: Stage;
  stageLabel: string;
  openingMessage: string | null;
  sharedFields: DisclosedField[];
  createdAt: Date;
  updatedAt: Date;
  profile: PseudonymousProfile | null;
  match: { score: number; stored: boolean; explanation: unknown } | null;
  /** Only while the candidate's consent for this organisation and vacancy stands. */
  identity: CandidateIdentity | null;
}

/** The same pair as the candidate sees it. */
export interface CandidateContactView {
  contactId: string;
  vacancy: { id: string; title: string; link: string };
  employer: {
    id: string;
    legalName: string;
    memberState: string;
    registrationNumber: string | null;
    entityType: string;
    verified: boolean;
  };
  origin: ContactOrigin;
  consent: ConsentState;
  stage: Stage;
  stageLabel: string;
  openingMessage: string | null;
  sharedFields: DisclosedField[];
  createdAt: Date;
  updatedAt: Date;
  /** For a pending request: what accepting would disclose, and the version to confirm. */
  terms: ConsentTerms | null;
}

export interface ConsentReceiptView {
  id: string;
  contactId: string | null;
  organisationId: string;
  vacancyId: string;
  event: 'granted' | 'withdrawn';
  via: 'application' | 'acceptance' | 'withdrawal' | 'erasure';
  fields: DisclosedField[];
  textVersion: string;
  language: string;
  recordedAt: Date;
}

export interface EmployerContactRates {
  organisationId: string;
  legalName: string;
  memberState: string;
  requests: number;
  accepted: number;
  declined: number;
  pending: number;
  applications: number;
  /** accepted / answered requests; null before any answer. */
  acceptanceRate: number | null;
  contactingSuspended: boolean;
  suspensionReason: string | null;
}

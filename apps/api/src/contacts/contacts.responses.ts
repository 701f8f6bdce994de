import {
  CONSENT_STATES,
  DISCLOSED_FIELDS,
  STAGES,
  type ConsentState,
  type ContactOrigin,
  type DisclosedField,
  type Stage,
} from '@app/contacts';
import { READER_LANGUAGES, type ReaderLanguage } from '@app/vacancies';
import { ApiProperty } from '@nestjs/swagger';
import { LabelledUriResponse } from '../vacancies/public-vacancy.response';

export class ConsentTermsResponse {
  @ApiProperty({
    example: 'contact-consent-2026-12',
    description: 'Send it back as consentVersion to confirm',
  })
  version!: string;
  @ApiProperty({ enum: READER_LANGUAGES }) language!: ReaderLanguage;
  @ApiProperty({ description: 'What confirming discloses, to whom, for which vacancy' }) text!: string;
  @ApiProperty({ enum: DISCLOSED_FIELDS, isArray: true }) fields!: DisclosedField[];
}

class OccupationEntryResponse extends LabelledUriResponse {
  @ApiProperty() yearsOfExperience!: number;
}

class LanguageLevelResponse {
  @ApiProperty() code!: string;
  @ApiProperty() cefr!: string;
}

export class PseudonymousProfileResponse {
  @ApiProperty({ example: 'TP-7K2M-9QXD' }) referenceCode!: string;
  @ApiProperty({ type: [OccupationEntryResponse] }) occupations!: OccupationEntryResponse[];
  @ApiProperty({ type: [LabelledUriResponse] }) skills!: LabelledUriResponse[];
  @ApiProperty({ type: [LanguageLevelResponse] }) languages!: LanguageLevelResponse[];
  @ApiProperty({ type: Number, nullable: true }) maxEqfLevel!: number | null;
  @ApiProperty() residenceCountry!: string;
  @ApiProperty({ type: [String] }) preferredMemberStates!: string[];
  @ApiProperty({ type: String, nullable: true }) availableFrom!: string | null;
}

export class CandidateIdentityResponse {
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ required: false, type: 'array', items: { type: 'object' }, description: 'When shared' })
  qualifications?: unknown[];
  @ApiProperty({ required: false, type: 'array', items: { type: 'object' }, description: 'When shared' })
  workExperience?: unknown[];
}

class PairMatchResponse {
  @ApiProperty({ description: '0–100' }) score!: number;
  @ApiProperty({ description: 'false: scored on the spot, the pair is not among the stored matches' })
  stored!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'As in the vacancy’s matches' })
  explanation!: unknown;
}

class ContactFields {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ enum: ['application', 'request'] }) origin!: ContactOrigin;
  @ApiProperty({ enum: CONSENT_STATES }) consent!: ConsentState;
  @ApiProperty({ enum: STAGES }) stage!: Stage;
  @ApiProperty({ description: 'The stage in the reader’s side’s own words' }) stageLabel!: string;
  @ApiProperty({ type: String, nullable: true }) openingMessage!: string | null;
  @ApiProperty({ enum: DISCLOSED_FIELDS, isArray: true }) sharedFields!: DisclosedField[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class OrganisationContactResponse extends ContactFields {
  @ApiProperty({ format: 'uuid' }) vacancyId!: string;
  @ApiProperty({ example: 'TP-7K2M-9QXD' }) referenceCode!: string;
  @ApiProperty({ type: PseudonymousProfileResponse, nullable: true })
  profile!: PseudonymousProfileResponse | null;
  @ApiProperty({ type: PairMatchResponse, nullable: true }) match!: PairMatchResponse | null;
  @ApiProperty({
    type: CandidateIdentityResponse,
    nullable: true,
    description:
      'Only while the candidate’s consent (application or accepted request) for this organisation and vacancy ' +
      'stands; null before, after withdrawal or erasure, and for every other organisation',
  })
  identity!: CandidateIdentityResponse | null;
}

class VacancyRefResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'The public vacancy page' }) link!: string;
}

class VerifiedEmployerResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() legalName!: string;
  @ApiProperty() memberState!: string;
  @ApiProperty({ type: String, nullable: true }) registrationNumber!: string | null;
  @ApiProperty() entityType!: string;
  @ApiProperty() verified!: boolean;
}

export class CandidateContactResponse extends ContactFields {
  @ApiProperty({ type: VacancyRefResponse }) vacancy!: VacancyRefResponse;
  @ApiProperty({ type: VerifiedEmployerResponse }) employer!: VerifiedEmployerResponse;
  @ApiProperty({ type: ConsentTermsResponse, nullable: true, description: 'For a pending request' })
  terms!: ConsentTermsResponse | null;
}

export class MessageResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['candidate', 'employer'] }) sender!: 'candidate' | 'employer';
  @ApiProperty() body!: string;
  @ApiProperty() sentAt!: Date;
}

export class ConsentReceiptResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) contactId!: string | null;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) vacancyId!: string;
  @ApiProperty({ enum: ['granted', 'withdrawn'] }) event!: 'granted' | 'withdrawn';
  @ApiProperty({ enum: ['application', 'acceptance', 'withdrawal', 'erasure'] })
  via!: 'application' | 'acceptance' | 'withdrawal' | 'erasure';
  @ApiProperty({ enum: DISCLOSED_FIELDS, isArray: true }) fields!: DisclosedField[];
  @ApiProperty({ description: 'Version of the consent text shown' }) textVersion!: string;
  @ApiProperty() language!: string;
  @ApiProperty() recordedAt!: Date;
}

export class ContactRatesResponse {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() legalName!: string;
  @ApiProperty() memberState!: string;
  @ApiProperty() requests!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() declined!: number;
  @ApiProperty() pending!: number;
  @ApiProperty() applications!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'accepted / (accepted + declined)' })
  acceptanceRate!: number | null;
  @ApiProperty() contactingSuspended!: boolean;
  @ApiProperty({ type: String, nullable: true }) suspensionReason!: string | null;
}

const COUNTS = {
  type: 'object',
  additionalProperties: { type: 'integer', nullable: true },
  description: 'null: between 1 and 9, withheld in the public view',
} as const;

export class PlacementStatisticsResponse {
  @ApiProperty({ enum: ['public', 'admin'] }) view!: 'public' | 'admin';
  @ApiProperty({ type: Number, nullable: true }) suppressedBelow!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Public view: every figure, totals included, is rounded to a multiple of this',
  })
  roundedTo!: number | null;
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ type: Number, nullable: true }) count!: number | null;
  @ApiProperty(COUNTS) byOccupation!: Record<string, number | null>;
  @ApiProperty(COUNTS) byMemberState!: Record<string, number | null>;
  @ApiProperty(COUNTS) byResidenceCountry!: Record<string, number | null>;
}

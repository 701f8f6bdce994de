import {
  AVAILABILITIES,
  CANDIDATE_STATUSES,
  COMPLETENESS_ITEMS,
  type Availability,
  type CandidateProfile,
  type CandidateStatus,
  type CompletenessItem,
} from '@app/candidates';
import { TAXONOMY_LANGUAGES, type ConceptLabel, type TaxonomyLanguage } from '@app/taxonomy';
import { ApiProperty } from '@nestjs/swagger';
import {
  EducationEntryRequest,
  LanguageEntryRequest,
  OccupationEntryRequest,
  ProgrammeRequest,
  QualificationEntryRequest,
  SkillEntryRequest,
  WorkExperienceEntryRequest,
} from '../requests/update-profile.request';

const LABEL_LANGUAGE = {
  enum: TAXONOMY_LANGUAGES,
  description: 'The language the label is really in: the reader’s, or its fallback',
};

export class ProfileOccupationResponse extends OccupationEntryRequest {
  @ApiProperty({ example: 'soudeur/soudeuse' }) label!: string;
  @ApiProperty(LABEL_LANGUAGE) labelLanguage!: TaxonomyLanguage;
}

export class ProfileSkillResponse extends SkillEntryRequest {
  @ApiProperty({ example: 'souder des pièces métalliques' }) label!: string;
  @ApiProperty(LABEL_LANGUAGE) labelLanguage!: TaxonomyLanguage;
}

export class ProfileWorkExperienceResponse extends WorkExperienceEntryRequest {
  @ApiProperty({ example: 'soudeur/soudeuse' }) occupationLabel!: string;
  @ApiProperty(LABEL_LANGUAGE) occupationLabelLanguage!: TaxonomyLanguage;
}

export class MissingItemResponse {
  @ApiProperty({ enum: COMPLETENESS_ITEMS })
  item!: CompletenessItem;

  @ApiProperty()
  requiredForActivation!: boolean;

  @ApiProperty({ example: 'Add at least one skill' })
  hint!: string;
}

export class CompletenessResponse {
  @ApiProperty({ minimum: 0, maximum: 100, example: 57 })
  percent!: number;

  @ApiProperty({ description: 'At least one occupation, one skill and one language' })
  readyForActivation!: boolean;

  @ApiProperty({ type: [MissingItemResponse] })
  missing!: MissingItemResponse[];
}

export class VisibilityResponse {
  @ApiProperty({ description: 'Whether employers can find the (pseudonymised) profile now' })
  searchable!: boolean;

  @ApiProperty({ type: [String], example: ['the profile is marked paused'] })
  reasons!: string[];
}

/** The candidate's own view, identity fields included; employers never receive this. */
export class CandidateProfileResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'TP-7KQ2-M9XD', description: 'The pseudonym employers see' })
  referenceCode!: string;

  @ApiProperty()
  givenName!: string;

  @ApiProperty()
  familyName!: string;

  @ApiProperty({ format: 'date' })
  dateOfBirth!: string;

  @ApiProperty({ example: 'MA' })
  residenceCountry!: string;

  @ApiProperty({ type: [String], example: ['MA'] })
  citizenships!: string[];

  @ApiProperty({ type: String, nullable: true, example: '+212612345678', description: 'E.164' })
  phone!: string | null;

  @ApiProperty({ enum: CANDIDATE_STATUSES })
  status!: CandidateStatus;

  @ApiProperty({ enum: AVAILABILITIES })
  availability!: Availability;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  activatedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt!: string | null;

  @ApiProperty({ type: [ProfileOccupationResponse] })
  occupations!: ProfileOccupationResponse[];

  @ApiProperty({ type: [ProfileSkillResponse] })
  skills!: ProfileSkillResponse[];

  @ApiProperty({ type: [LanguageEntryRequest] })
  languages!: LanguageEntryRequest[];

  @ApiProperty({ type: [EducationEntryRequest] })
  education!: EducationEntryRequest[];

  @ApiProperty({ type: [QualificationEntryRequest] })
  qualifications!: QualificationEntryRequest[];

  @ApiProperty({ type: [ProfileWorkExperienceResponse] })
  workExperience!: ProfileWorkExperienceResponse[];

  @ApiProperty({
    enum: TAXONOMY_LANGUAGES,
    description:
      'The language labels are read in: `lang` when ESCO has it; for ar, the most fluent of the candidate’s ' +
      'languages that ESCO has, else en',
  })
  labelLanguage!: TaxonomyLanguage;

  @ApiProperty({ type: [String], example: ['DE', 'NL'] })
  preferredMemberStates!: string[];

  @ApiProperty({ type: String, format: 'date', nullable: true })
  earliestStartDate!: string | null;

  @ApiProperty({ type: ProgrammeRequest, nullable: true })
  programme!: ProgrammeRequest | null;

  @ApiProperty({ type: CompletenessResponse })
  completeness!: CompletenessResponse;

  @ApiProperty({ type: VisibilityResponse })
  visibility!: VisibilityResponse;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** The profile with a label beside every ESCO URI, read in `language` (each with its real language). */
export function toCandidateProfileResponse(
  profile: CandidateProfile,
  labels: ReadonlyMap<string, ConceptLabel>,
  language: TaxonomyLanguage,
): CandidateProfileResponse {
  const labelOf = (uri: string): ConceptLabel => labels.get(uri) ?? { label: uri, language: 'en' };
  return {
    id: profile.id,
    referenceCode: profile.referenceCode,
    givenName: profile.givenName,
    familyName: profile.familyName,
    dateOfBirth: profile.dateOfBirth,
    residenceCountry: profile.residenceCountry,
    citizenships: profile.citizenships,
    phone: profile.phone,
    status: profile.status,
    availability: profile.availability,
    activatedAt: profile.activatedAt?.toISOString() ?? null,
    expiresAt: profile.expiresAt?.toISOString() ?? null,
    occupations: profile.occupations.map((entry) => {
      const { label, language: labelLanguage } = labelOf(entry.uri);
      return { ...entry, label, labelLanguage };
    }),
    skills: profile.skills.map((entry) => {
      const { label, language: labelLanguage } = labelOf(entry.uri);
      return { ...entry, label, labelLanguage };
    }),
    languages: profile.languages,
    education: profile.education,
    qualifications: profile.qualifications,
    workExperience: profile.workExperience.map((entry) => {
      const { label, language: labelLanguage } = labelOf(entry.occupationUri);
      return { ...entry, occupationLabel: label, occupationLabelLanguage: labelLanguage };
    }),
    labelLanguage: language,
    preferredMemberStates: profile.preferredMemberStates,
    earliestStartDate: profile.earliestStartDate,
    programme: profile.programme,
    completeness: profile.completeness,
    visibility: profile.visibility,
    createdAt: profile.createdAt.toISOString(),
    updatedAt: profile.updatedAt.toISOString(),
  };
}

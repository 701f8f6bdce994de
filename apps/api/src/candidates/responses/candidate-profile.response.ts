import {
  AVAILABILITIES,
  CANDIDATE_STATUSES,
  COMPLETENESS_ITEMS,
  type Availability,
  type CandidateProfile,
  type CandidateStatus,
  type CompletenessItem,
} from '@app/candidates';
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

  @ApiProperty({ type: [OccupationEntryRequest] })
  occupations!: OccupationEntryRequest[];

  @ApiProperty({ type: [SkillEntryRequest] })
  skills!: SkillEntryRequest[];

  @ApiProperty({ type: [LanguageEntryRequest] })
  languages!: LanguageEntryRequest[];

  @ApiProperty({ type: [EducationEntryRequest] })
  education!: EducationEntryRequest[];

  @ApiProperty({ type: [QualificationEntryRequest] })
  qualifications!: QualificationEntryRequest[];

  @ApiProperty({ type: [WorkExperienceEntryRequest] })
  workExperience!: WorkExperienceEntryRequest[];

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

export function toCandidateProfileResponse(profile: CandidateProfile): CandidateProfileResponse {
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
    occupations: profile.occupations,
    skills: profile.skills,
    languages: profile.languages,
    education: profile.education,
    qualifications: profile.qualifications,
    workExperience: profile.workExperience,
    preferredMemberStates: profile.preferredMemberStates,
    earliestStartDate: profile.earliestStartDate,
    programme: profile.programme,
    completeness: profile.completeness,
    visibility: profile.visibility,
    createdAt: profile.createdAt.toISOString(),
    updatedAt: profile.updatedAt.toISOString(),
  };
}

import type { PartnerCountryStatus } from '@app/partner-countries';

export const CANDIDATE_STATUSES = ['draft', 'active', 'expired'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

export const AVAILABILITIES = ['available', 'paused', 'placed'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export const PROGRAMME_TYPES = ['talent_partnership', 'bilateral', 'national'] as const;
export type ProgrammeType = (typeof PROGRAMME_TYPES)[number];

export const SKILL_LEVELS = ['basic', 'intermediate', 'advanced', 'expert'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** Upper bounds of every list on a profile; the API validates them before the service sees them. */
export const PROFILE_LIMITS = {
  citizenships: 5,
  occupations: 10,
  skills: 100,
  languages: 20,
  education: 20,
  qualifications: 30,
  workExperience: 30,
  preferredMemberStates: 27,
  text: 200,
} as const;

export interface RegistrationInput {
  givenName: string;
  familyName: string;
  /** ISO date YYYY-MM-DD. */
  dateOfBirth: string;
  residenceCountry: string;
  citizenships: string[];
  /** Any common notation; stored in E.164. */
  phone?: string | null;
}

export interface OccupationEntry {
  uri: string;
  yearsOfExperience: number;
}

export interface SkillEntry {
  uri: string;
  level?: SkillLevel | null;
  yearsOfExperience?: number | null;
  /** Developed or validated under the profile's programme. */
  viaProgramme?: boolean;
}

export interface LanguageEntry {
  /** ISO 639-1. */
  code: string;
  /** CEFR level A1…C2. */
  cefr: string;
}

export interface EducationEntry {
  eqfLevel: number;
  field: string;
  countryCode: string;
  completionYear: number;
}

export interface QualificationEntry {
  title: string;
  issuer?: string | null;
  countryCode?: string | null;
  year?: number | null;
}

export interface WorkExperienceEntry {
  occupationUri: string;
  employerName: string;
  countryCode: string;
  startDate: string;
  endDate?: string | null;
}

export interface Programme {
  type: ProgrammeType;
  partnerCountry: string;
}

/** A partial update: every section present replaces that section, absent ones stay as they are. */
export interface ProfileChanges {
  givenName?: string;
  familyName?: string;
  phone?: string | null;
  residenceCountry?: string;
  citizenships?: string[];
  occupations?: OccupationEntry[];
  skills?: SkillEntry[];
  languages?: LanguageEntry[];
  education?: EducationEntry[];
  qualifications?: QualificationEntry[];
  workExperience?: WorkExperienceEntry[];
  preferredMemberStates?: string[];
  earliestStartDate?: string | null;
  availability?: Availability;
  programme?: Programme | null;
}

export interface ProfileSections {
  occupations: OccupationEntry[];
  skills: SkillEntry[];
  languages: LanguageEntry[];
  education: EducationEntry[];
  qualifications: QualificationEntry[];
  workExperience: WorkExperienceEntry[];
  preferredMemberStates: string[];
  earliestStartDate: string | null;
  availability: Availability;
  programme: Programme | null;
}

export const COMPLETENESS_ITEMS = [
  'occupations',
  'skills',
  'languages',
  'education',
  'workExperience',
  'preferredMemberStates',
  'earliestStartDate',
] as const;
export type CompletenessItem = (typeof COMPLETENESS_ITEMS)[number];

export interface Completeness {
  /** 0–100, share of the items present. */
  percent: number;
  /** At least one occupation, one skill and one language: the profile can be activated. */
  readyForActivation: boolean;
  missing: { item: CompletenessItem; requiredForActivation: boolean; hint: string }[];
}

/** The candidate's own view of their profile (identity fields included: only they and admins see it). */
export interface CandidateProfile extends ProfileSections {
  id: string;
  accountId: string;
  referenceCode: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  residenceCountry: string;
  citizenships: string[];
  phone: string | null;
  status: CandidateStatus;
  activatedAt: Date | null;
  expiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  completeness: Completeness;
  /** Whether employers can currently find the profile, and why not when they cannot. */
  visibility: { searchable: boolean; reasons: string[] };
}

export interface CountryEligibility {
  code: string;
  euMember: boolean;
  status: PartnerCountryStatus;
}

export interface PossibleDuplicateGroup {
  phone: string;
  candidates: { candidateId: string; accountId: string; referenceCode: string; createdAt: Date }[];
}

export interface IndexCheckReport {
  expected: number;
  indexed: number;
  missing: string[];
  stale: string[];
  extra: string[];
  repaired: boolean;
}

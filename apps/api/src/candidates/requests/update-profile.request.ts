import {
  AVAILABILITIES,
  PROFILE_LIMITS,
  PROGRAMME_TYPES,
  SKILL_LEVELS,
  type Availability,
  type ProgrammeType,
  type SkillLevel,
} from '@app/candidates';
import { CEFR_CODES } from '@app/reference-data';
import { ESCO_OCCUPATION_URI, ESCO_SKILL_URI } from '@app/taxonomy';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { COUNTRY_CODE, ISO_DATE, Trim } from './fields';

const YEARS = { type: Number, minimum: 0, maximum: 60 };

export class OccupationEntryRequest {
  @ApiProperty({ example: 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b' })
  @Matches(ESCO_OCCUPATION_URI, { message: 'uri must be an ESCO occupation URI' })
  uri!: string;

  @ApiProperty({ ...YEARS, example: 6 })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(60)
  yearsOfExperience!: number;
}

export class SkillEntryRequest {
  @ApiProperty({ example: 'http://data.europa.eu/esco/skill/3b8b9e3c-67c8-4b7f-a7c4-2a3d7b0a7c6a' })
  @Matches(ESCO_SKILL_URI, { message: 'uri must be an ESCO skill URI' })
  uri!: string;

  @ApiPropertyOptional({ enum: SKILL_LEVELS, nullable: true, description: 'Self-assessed' })
  @IsOptional()
  @IsIn(SKILL_LEVELS)
  level?: SkillLevel | null;

  @ApiPropertyOptional({ ...YEARS, nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(60)
  yearsOfExperience?: number | null;

  @ApiPropertyOptional({ description: 'Developed or validated under the profile’s programme' })
  @IsOptional()
  @IsBoolean()
  viaProgramme?: boolean;
}

export class LanguageEntryRequest {
  @ApiProperty({ example: 'fr', description: 'ISO 639-1' })
  @Matches(/^[A-Za-z]{2}$/, { message: 'code must be an ISO 639-1 code' })
  code!: string;

  @ApiProperty({ enum: CEFR_CODES, example: 'B2' })
  @IsIn(CEFR_CODES, { message: 'cefr must be a CEFR level: A1, A2, B1, B2, C1 or C2' })
  cefr!: string;
}

export class EducationEntryRequest {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 8, example: 4 })
  @IsInt()
  @Min(1)
  @Max(8)
  eqfLevel!: number;

  @ApiProperty({ example: 'Welding and metal fabrication' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROFILE_LIMITS.text)
  field!: string;

  @ApiProperty({ example: 'MA' })
  @Matches(COUNTRY_CODE, { message: 'countryCode must be an ISO 3166-1 alpha-2 code' })
  countryCode!: string;

  @ApiProperty({ type: 'integer', example: 2016 })
  @IsInt()
  completionYear!: number;
}

export class QualificationEntryRequest {
  @ApiProperty({ example: 'Certified welder ISO 9606-1' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROFILE_LIMITS.text)
  title!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'OFPPT' })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.text)
  issuer?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'MA' })
  @IsOptional()
  @Matches(COUNTRY_CODE, { message: 'countryCode must be an ISO 3166-1 alpha-2 code' })
  countryCode?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, example: 2019 })
  @IsOptional()
  @IsInt()
  year?: number | null;
}

export class WorkExperienceEntryRequest {
  @ApiProperty({ example: 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b' })
  @Matches(ESCO_OCCUPATION_URI, { message: 'occupationUri must be an ESCO occupation URI' })
  occupationUri!: string;

  @ApiProperty({ example: 'Atelier Métallique de Fès' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROFILE_LIMITS.text)
  employerName!: string;

  @ApiProperty({ example: 'MA' })
  @Matches(COUNTRY_CODE, { message: 'countryCode must be an ISO 3166-1 alpha-2 code' })
  countryCode!: string;

  @ApiProperty({ example: '2017-02-01' })
  @Matches(ISO_DATE, { message: 'startDate must be a date written YYYY-MM-DD' })
  startDate!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Empty while the job continues' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'endDate must be a date written YYYY-MM-DD' })
  endDate?: string | null;
}

export class ProgrammeRequest {
  @ApiProperty({ enum: PROGRAMME_TYPES })
  @IsIn(PROGRAMME_TYPES)
  type!: ProgrammeType;

  @ApiProperty({ example: 'MA', description: 'The programme’s partner country (outside the EU)' })
  @Matches(COUNTRY_CODE, { message: 'partnerCountry must be an ISO 3166-1 alpha-2 code' })
  partnerCountry!: string;
}

const list = <T>(type: () => new () => T, max: number) => [
  IsOptional(),
  IsArray(),
  ArrayMaxSize(max),
  ValidateNested({ each: true }),
  Type(type),
];

/**
 * A partial update: every section sent replaces that section entirely; sections left out stay as
 * they are. Send `null` to clear the phone, start date or programme.
 */
export class UpdateProfileRequest {
  @ApiPropertyOptional({ maxLength: PROFILE_LIMITS.text })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROFILE_LIMITS.text)
  givenName?: string;

  @ApiPropertyOptional({ maxLength: PROFILE_LIMITS.text })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROFILE_LIMITS.text)
  familyName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+216 20 123 456' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional({ example: 'TN', description: 'Eligibility is checked again' })
  @IsOptional()
  @Matches(COUNTRY_CODE, { message: 'residenceCountry must be an ISO 3166-1 alpha-2 code' })
  residenceCountry?: string;

  @ApiPropertyOptional({ example: ['TN'], description: 'Eligibility is checked again' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PROFILE_LIMITS.citizenships)
  @Matches(COUNTRY_CODE, { each: true, message: 'each citizenship must be an ISO 3166-1 alpha-2 code' })
  citizenships?: string[];

  @ApiPropertyOptional({ type: [OccupationEntryRequest], maxItems: PROFILE_LIMITS.occupations })
  @applyDecorators(...list(() => OccupationEntryRequest, PROFILE_LIMITS.occupations))
  occupations?: OccupationEntryRequest[];

  @ApiPropertyOptional({ type: [SkillEntryRequest], maxItems: PROFILE_LIMITS.skills })
  @applyDecorators(...list(() => SkillEntryRequest, PROFILE_LIMITS.skills))
  skills?: SkillEntryRequest[];

  @ApiPropertyOptional({ type: [LanguageEntryRequest], maxItems: PROFILE_LIMITS.languages })
  @applyDecorators(...list(() => LanguageEntryRequest, PROFILE_LIMITS.languages))
  languages?: LanguageEntryRequest[];

  @ApiPropertyOptional({ type: [EducationEntryRequest], maxItems: PROFILE_LIMITS.education })
  @applyDecorators(...list(() => EducationEntryRequest, PROFILE_LIMITS.education))
  education?: EducationEntryRequest[];

  @ApiPropertyOptional({ type: [QualificationEntryRequest], maxItems: PROFILE_LIMITS.qualifications })
  @applyDecorators(...list(() => QualificationEntryRequest, PROFILE_LIMITS.qualifications))
  qualifications?: QualificationEntryRequest[];

  @ApiPropertyOptional({ type: [WorkExperienceEntryRequest], maxItems: PROFILE_LIMITS.workExperience })
  @applyDecorators(...list(() => WorkExperienceEntryRequest, PROFILE_LIMITS.workExperience))
  workExperience?: WorkExperienceEntryRequest[];

  @ApiPropertyOptional({
    example: ['DE', 'NL'],
    description: 'Participating Member States only',
    maxItems: PROFILE_LIMITS.preferredMemberStates,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROFILE_LIMITS.preferredMemberStates)
  @Matches(COUNTRY_CODE, { each: true, message: 'each Member State must be an ISO 3166-1 alpha-2 code' })
  preferredMemberStates?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-09-01' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'earliestStartDate must be a date written YYYY-MM-DD' })
  earliestStartDate?: string | null;

  @ApiPropertyOptional({
    enum: AVAILABILITIES,
    description: 'Paused and placed profiles are hidden from employers',
  })
  @IsOptional()
  @IsIn(AVAILABILITIES)
  availability?: Availability;

  @ApiPropertyOptional({ type: ProgrammeRequest, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => ProgrammeRequest)
  programme?: ProgrammeRequest | null;
}

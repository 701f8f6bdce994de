import { ESCO_OCCUPATION_URI, ESCO_SKILL_URI } from '@app/taxonomy';
import {
  CEFR_CODES,
  CONTRACT_TYPES,
  LANGUAGE_REQUIREMENTS,
  PAY_PERIODS,
  SKILL_REQUIREMENTS,
  VACANCY_LIMITS,
  type CefrCode,
  type ContractType,
  type LanguageRequirement,
  type PayPeriod,
  type SkillRequirement,
} from '@app/vacancies';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsIsoDay } from '../validation/iso-day';

const present = (_: object, value: unknown) => value !== null && value !== undefined;

export class PlaceOfWorkRequest {
  @ApiPropertyOptional({ example: 'NL', description: 'Always the employer’s Member State; may be omitted' })
  @IsOptional()
  @Matches(/^[A-Za-z]{2}$/, { message: 'memberState must be a two-letter ISO 3166-1 code' })
  memberState?: string;

  @ApiProperty({ example: 'Rotterdam' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city!: string;

  @ApiPropertyOptional({ type: String, example: 'Zuid-Holland', nullable: true })
  @ValidateIf(present)
  @IsString()
  @MaxLength(100)
  region?: string | null;
}

export class VacancyContactRequest {
  @ApiProperty({ example: 'Ana Lopes' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'jobs@bouw.example.nl' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ type: String, example: '+31 20 123 4567', nullable: true })
  @ValidateIf(present)
  @Matches(/^\+?[0-9 ()./-]{6,30}$/, { message: 'phone must be a phone number' })
  phone?: string | null;
}

export class PayRequest {
  @ApiProperty({ type: Number, nullable: true, example: 2800 })
  @ValidateIf(present)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10_000_000)
  min!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 3400 })
  @ValidateIf(present)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10_000_000)
  max!: number | null;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code' })
  @Matches(/^[A-Za-z]{3}$/, { message: 'currency must be an ISO 4217 code' })
  currency!: string;

  @ApiProperty({ enum: PAY_PERIODS })
  @IsIn(PAY_PERIODS)
  period!: PayPeriod;
}

export class VacancySkillRequest {
  @ApiProperty({ example: 'http://data.europa.eu/esco/skill/…' })
  @Matches(ESCO_SKILL_URI, { message: 'uri must be an ESCO skill URI' })
  uri!: string;

  @ApiProperty({ enum: SKILL_REQUIREMENTS })
  @IsIn(SKILL_REQUIREMENTS)
  requirement!: SkillRequirement;
}

export class VacancyLanguageRequest {
  @ApiProperty({ example: 'nl', description: 'ISO 639-1 code' })
  @Matches(/^[A-Za-z]{2}$/, { message: 'code must be an ISO 639-1 code' })
  code!: string;

  @ApiProperty({ enum: CEFR_CODES })
  @IsIn(CEFR_CODES)
  minCefr!: CefrCode;

  @ApiProperty({ enum: LANGUAGE_REQUIREMENTS })
  @IsIn(LANGUAGE_REQUIREMENTS)
  requirement!: LanguageRequirement;
}

export class VacancyRequest {
  @ApiProperty({ example: 'Welder (MIG/MAG) for shipyard' })
  @IsString()
  @MinLength(3)
  @MaxLength(VACANCY_LIMITS.title)
  title!: string;

  @ApiProperty()
  @IsString()
  @MinLength(20)
  @MaxLength(VACANCY_LIMITS.description)
  description!: string;

  @ApiProperty({ example: 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b' })
  @Matches(ESCO_OCCUPATION_URI, { message: 'occupationUri must be an ESCO occupation URI' })
  occupationUri!: string;

  @ApiProperty({ type: PlaceOfWorkRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => PlaceOfWorkRequest)
  placeOfWork!: PlaceOfWorkRequest;

  @ApiProperty({ type: VacancyContactRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => VacancyContactRequest)
  contact!: VacancyContactRequest;

  @ApiPropertyOptional({ type: PayRequest, nullable: true })
  @ValidateIf(present)
  @IsObject()
  @ValidateNested()
  @Type(() => PayRequest)
  pay?: PayRequest | null;

  @ApiPropertyOptional({ enum: CONTRACT_TYPES, nullable: true })
  @ValidateIf(present)
  @IsIn(CONTRACT_TYPES)
  contractType?: ContractType | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 40 })
  @ValidateIf(present)
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(1)
  @Max(60)
  hoursPerWeek?: number | null;

  @ApiPropertyOptional({ type: 'integer', default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  numberOfPosts?: number;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @ValidateIf(present)
  @IsIsoDay()
  startDate?: string | null;

  @ApiPropertyOptional({ type: [VacancySkillRequest], maxItems: VACANCY_LIMITS.skills })
  @IsOptional()
  @ArrayMaxSize(VACANCY_LIMITS.skills)
  @ValidateNested({ each: true })
  @Type(() => VacancySkillRequest)
  skills?: VacancySkillRequest[];

  @ApiPropertyOptional({ type: [VacancyLanguageRequest], maxItems: VACANCY_LIMITS.languages })
  @IsOptional()
  @ArrayMaxSize(VACANCY_LIMITS.languages)
  @ValidateNested({ each: true })
  @Type(() => VacancyLanguageRequest)
  languages?: VacancyLanguageRequest[];

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 8 })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  @Max(8)
  minEqfLevel?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 60 })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(60)
  minExperienceYears?: number | null;

  @ApiPropertyOptional({
    default: false,
    description:
      'Publish even outside the shortage list, as contributing to EU competitiveness (needs a justification)',
  })
  @IsOptional()
  @IsBoolean()
  contributesToCompetitiveness?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: VACANCY_LIMITS.justification })
  @ValidateIf(present)
  @IsString()
  @MaxLength(VACANCY_LIMITS.justification)
  competitivenessJustification?: string | null;
}

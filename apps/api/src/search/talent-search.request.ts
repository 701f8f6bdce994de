import {
  PROGRAMME_FILTERS,
  TALENT_FACETS,
  TALENT_SORTS,
  type ProgrammeFilter,
  type TalentFacet,
  type TalentSort,
} from '@app/discovery';
import {
  ESCO_OCCUPATION_URI,
  ESCO_SKILL_URI,
  TAXONOMY_LANGUAGES,
  type TaxonomyLanguage,
} from '@app/taxonomy';
import { CEFR_CODES } from '@app/reference-data';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../openapi/pagination';
import { IsIsoDay } from '../validation/iso-day';

const COUNTRY = /^[A-Za-z]{2}$/;

export class LanguageFilterRequest {
  @ApiProperty({ example: 'de', description: 'ISO 639-1' })
  @Matches(/^[a-z]{2}$/, { message: 'code must be an ISO 639-1 code' })
  code!: string;

  @ApiProperty({ example: 'B1', enum: CEFR_CODES })
  @IsIn(CEFR_CODES)
  minCefr!: string;
}

export class TalentSearchRequest extends PageQuery {
  @ApiPropertyOptional({
    example: 'soudeur',
    description: 'Occupation and skill labels, EN/FR/ES, typos tolerated',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;

  @ApiPropertyOptional({ type: [String], description: 'ESCO occupation URIs (any of)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(ESCO_OCCUPATION_URI, { each: true, message: 'occupations must be ESCO occupation URIs' })
  occupations?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['72'],
    description: 'ISCO-08 groups, 1 to 4 digits (any of)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^\d{1,4}$/, { each: true, message: 'iscoGroups must be ISCO-08 codes' })
  iscoGroups?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['construction'],
    description: 'Shortage sectors (any of)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z_]{2,40}$/, { each: true, message: 'sectors must be sector codes' })
  sectors?: string[];

  @ApiPropertyOptional({ type: [String], description: 'ESCO skill URIs the candidate must all hold' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(ESCO_SKILL_URI, { each: true, message: 'skillsAll must be ESCO skill URIs' })
  skillsAll?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'ESCO skill URIs of which the candidate holds one or more',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(ESCO_SKILL_URI, { each: true, message: 'skillsAny must be ESCO skill URIs' })
  skillsAny?: string[];

  @ApiPropertyOptional({ type: [LanguageFilterRequest], description: 'Every language at or above its level' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => LanguageFilterRequest)
  languages?: LanguageFilterRequest[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 8 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(8)
  minEqfLevel?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  minYearsOfExperience?: number;

  @ApiPropertyOptional({ type: [String], example: ['MA', 'TN'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(COUNTRY, { each: true, message: 'residenceCountries must be ISO 3166-1 alpha-2 codes' })
  residenceCountries?: string[];

  @ApiPropertyOptional({ enum: PROGRAMME_FILTERS, isArray: true, description: '`any`: any programme' })
  @IsOptional()
  @IsArray()
  @IsIn(PROGRAMME_FILTERS, { each: true })
  programme?: ProgrammeFilter[];

  @ApiPropertyOptional({ type: [String], example: ['NL', 'DE'], description: 'Would work in one of these' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(27)
  @Matches(COUNTRY, { each: true, message: 'preferredMemberStates must be ISO 3166-1 alpha-2 codes' })
  preferredMemberStates?: string[];

  @ApiPropertyOptional({ example: '2026-10-01', description: 'Able to start on or before this day' })
  @IsOptional()
  @IsIsoDay()
  availableBy?: string;

  @ApiPropertyOptional({ enum: TALENT_SORTS, default: 'relevance' })
  @IsOptional()
  @IsIn(TALENT_SORTS)
  sort?: TalentSort;

  @ApiPropertyOptional({
    enum: TAXONOMY_LANGUAGES,
    default: 'en',
    description: 'Language of the occupation and skill labels in the hits',
  })
  @IsOptional()
  @IsIn(TAXONOMY_LANGUAGES)
  lang?: TaxonomyLanguage;

  @ApiPropertyOptional({
    enum: TALENT_FACETS,
    isArray: true,
    description: 'Facet counts to return; default all',
  })
  @IsOptional()
  @IsArray()
  @IsIn(TALENT_FACETS, { each: true })
  facets?: TalentFacet[];
}

export class TalentProfileQuery {
  @ApiPropertyOptional({ enum: TAXONOMY_LANGUAGES, default: 'en', description: 'Language of the labels' })
  @IsOptional()
  @IsIn(TAXONOMY_LANGUAGES)
  lang?: TaxonomyLanguage;
}

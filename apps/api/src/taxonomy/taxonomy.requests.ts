import {
  ESCO_OCCUPATION_URI,
  ESCO_SKILL_URI,
  TAXONOMY_LANGUAGES,
  type TaxonomyLanguage,
} from '@app/taxonomy';
import { ApiPropertyOptional, ApiProperty, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../openapi/pagination';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class LanguageQuery {
  @ApiPropertyOptional({ enum: TAXONOMY_LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(TAXONOMY_LANGUAGES)
  lang: TaxonomyLanguage = 'en';
}

export class ConceptSearchQuery extends IntersectionType(LanguageQuery, PageQuery) {
  @ApiProperty({ description: 'Text typed so far; typos and alternative labels count', example: 'nurse' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  text!: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Include concepts a newer ESCO release dropped',
    default: false,
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeObsolete: boolean = false;
}

export class OccupationSearchQuery extends ConceptSearchQuery {
  @ApiPropertyOptional({ description: 'ISCO-08 unit group (4 digits)', example: '2221' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'iscoCode must be a 4-digit ISCO-08 code' })
  iscoCode?: string;
}

export class SkillSearchQuery extends ConceptSearchQuery {
  @ApiPropertyOptional({ enum: ['skill/competence', 'knowledge'] })
  @IsOptional()
  @IsIn(['skill/competence', 'knowledge'])
  skillType?: string;
}

export class OccupationUriQuery extends LanguageQuery {
  @ApiProperty({ example: 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b' })
  @Matches(ESCO_OCCUPATION_URI, { message: 'uri must be an ESCO occupation URI' })
  uri!: string;
}

export class SkillUriQuery extends LanguageQuery {
  @ApiProperty({ example: 'http://data.europa.eu/esco/skill/b7e4d8bb-9b4f-44ac-9d5f-38e0e3f56db0' })
  @Matches(ESCO_SKILL_URI, { message: 'uri must be an ESCO skill URI' })
  uri!: string;
}

export class IscoTreeQuery extends LanguageQuery {
  @ApiPropertyOptional({ description: 'Only the subtree under this ISCO-08 group', example: '22' })
  @IsOptional()
  @Matches(/^\d{1,4}$/, { message: 'code must be an ISCO-08 code of 1 to 4 digits' })
  code?: string;
}

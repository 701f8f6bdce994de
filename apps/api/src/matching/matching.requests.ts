import { MATCH_STATUSES, type MatchStatus } from '@app/matching';
import { TAXONOMY_LANGUAGES, type TaxonomyLanguage } from '@app/taxonomy';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../openapi/pagination';

export class MatchLanguageQuery {
  @ApiPropertyOptional({ enum: TAXONOMY_LANGUAGES, default: 'en', description: 'Language of skill labels' })
  @IsOptional()
  @IsIn(TAXONOMY_LANGUAGES)
  lang?: TaxonomyLanguage;
}

export class MatchesQuery extends IntersectionType(MatchLanguageQuery, PageQuery) {}

export class EmployerMatchesQuery extends MatchesQuery {
  @ApiPropertyOptional({ enum: MATCH_STATUSES })
  @IsOptional()
  @IsIn(MATCH_STATUSES)
  status?: MatchStatus;
}

export class MatchStatusRequest {
  @ApiProperty({ enum: MATCH_STATUSES })
  @IsIn(MATCH_STATUSES)
  status!: MatchStatus;
}

import { MATCH_STATUSES, type MatchStatus } from '@app/matching';
import { READER_LANGUAGES, type ReaderLanguage } from '@app/vacancies';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../openapi/pagination';

export class MatchLanguageQuery {
  @ApiPropertyOptional({
    enum: READER_LANGUAGES,
    default: 'en',
    description:
      'Language of ESCO labels; each label says the language it is really in. ESCO has no ar labels: a ' +
      'candidate reading ar gets their most fluent ESCO language (en, fr, es), an employer en',
  })
  @IsOptional()
  @IsIn(READER_LANGUAGES)
  lang?: ReaderLanguage;
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

import { CANDIDATE_GROUPINGS, type CandidateGrouping } from '@app/discovery';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ReaderLanguageQuery } from '../vacancies/reader-language.query';
import { QueryNumber } from './query-arrays';

export class StatisticsTopRequest extends ReaderLanguageQuery {
  @ApiPropertyOptional({
    type: 'integer',
    default: 20,
    minimum: 1,
    maximum: 50,
    description: 'How many of the largest groups (a report, not a paged list)',
  })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(1)
  @Max(50)
  top?: number;
}

export class CandidateStatisticsRequest extends StatisticsTopRequest {
  @ApiPropertyOptional({ enum: CANDIDATE_GROUPINGS, default: 'occupation' })
  @IsOptional()
  @IsIn(CANDIDATE_GROUPINGS)
  groupBy?: CandidateGrouping;
}

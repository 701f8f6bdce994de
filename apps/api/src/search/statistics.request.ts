import { CANDIDATE_GROUPINGS, type CandidateGrouping } from '@app/discovery';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryNumber } from './query-arrays';

export class StatisticsLimitRequest {
  @ApiPropertyOptional({
    type: 'integer',
    default: 20,
    minimum: 1,
    maximum: 50,
    description: 'How many of the largest groups',
  })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class CandidateStatisticsRequest extends StatisticsLimitRequest {
  @ApiPropertyOptional({ enum: CANDIDATE_GROUPINGS, default: 'occupation' })
  @IsOptional()
  @IsIn(CANDIDATE_GROUPINGS)
  groupBy?: CandidateGrouping;
}

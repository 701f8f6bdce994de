import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsISO8601, IsOptional, Matches } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class CountriesQuery {
  @ApiPropertyOptional({ description: 'Only EU-27 members (true) or only non-members (false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  euMember?: boolean;
}

export class MemberStatesQuery {
  @ApiPropertyOptional({ description: 'Only participating (true) or non-participating (false) states' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  participating?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'Only states participating on this day (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'participatingOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  participatingOn?: string;
}

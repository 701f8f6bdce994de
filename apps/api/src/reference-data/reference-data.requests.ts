import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

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
}

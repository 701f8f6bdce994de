import { PARTNER_COUNTRY_STATUSES, type PartnerCountryStatus } from '@app/partner-countries';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { IsIsoDay } from '../validation/iso-day';

export class StatusProposalRequest {
  @ApiProperty({ enum: PARTNER_COUNTRY_STATUSES })
  @IsIn(PARTNER_COUNTRY_STATUSES)
  status!: PartnerCountryStatus;

  @ApiProperty({ format: 'date', description: 'From this day on; a future day is applied when it comes' })
  @IsIsoDay()
  effectiveFrom!: string;
}

export class SetCountryStatusRequest extends StatusProposalRequest {
  @ApiProperty({
    description: 'Why (kept in the history, the audit log and the mail to affected candidates)',
  })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason!: string;
}

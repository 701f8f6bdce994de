import { isoDay, pageOf, type Page } from '@app/common';
import {
  PARTNER_COUNTRY_STATUSES,
  PartnerCountries,
  type PartnerCountryStatus,
} from '@app/partner-countries';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Public } from '../access/access.decorator';
import { PageQuery, PageResponse } from '../openapi/pagination';
import { IsIsoDay } from '../validation/iso-day';

export class PartnerCountriesQuery extends PageQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'The day the statuses are read on (default today, UTC)',
  })
  @IsOptional()
  @IsIsoDay()
  date?: string;
}

class PartnerCountryNextStatusResponse {
  @ApiProperty({ enum: PARTNER_COUNTRY_STATUSES }) status!: PartnerCountryStatus;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
}

export class PartnerCountryResponse {
  @ApiProperty({ example: 'MA' }) countryCode!: string;
  @ApiProperty({
    enum: PARTNER_COUNTRY_STATUSES,
    description:
      'eligible and talent_partnership admit candidates; suspended hides them from search and matching',
  })
  status!: PartnerCountryStatus;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Since when the status applies; null before the first recorded status (implicitly eligible)',
  })
  effectiveFrom!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({
    type: PartnerCountryNextStatusResponse,
    nullable: true,
    description: 'The next recorded change, if any',
  })
  next!: PartnerCountryNextStatusResponse | null;
}

@ApiTags('partner countries')
@Controller('partner-countries')
export class PartnerCountriesController {
  constructor(private readonly partnerCountries: PartnerCountries) {}

  @Public()
  @Get()
  @ApiOperation({
    summary:
      'Third countries with a recorded eligibility status: the status in force on the day, since when, and the ' +
      'next change. A third country not listed is eligible; EU-27 countries never are',
  })
  @ApiOkResponse({ type: PageResponse(PartnerCountryResponse) })
  async list(@Query() query: PartnerCountriesQuery): Promise<Page<PartnerCountryResponse>> {
    return pageOf(await this.partnerCountries.listOn(query.date ?? isoDay()), query);
  }
}

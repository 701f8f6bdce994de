import { ReaderLanguageQuery } from '../vacancies/reader-language.query';
import { ESCO_OCCUPATION_URI } from '@app/taxonomy';
import {
  SHORTAGE_EFFECTS,
  SHORTAGE_LAYERS,
  type ShortageEffect,
  type ShortageLayer,
} from '@app/shortage-occupations';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PageQuery } from '../openapi/pagination';
import { IsIsoDay } from '../validation/iso-day';

const MEMBER_STATE = /^[A-Za-z]{2}$/;

export class ShortageListQuery extends ReaderLanguageQuery {
  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2 code of the Member State' })
  @Matches(MEMBER_STATE, { message: 'memberState must be a two-letter ISO 3166-1 code' })
  memberState!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Day to answer for; today (UTC) by default' })
  @IsOptional()
  @IsIsoDay()
  date?: string;
}

export class EuShortageLayerQuery extends IntersectionType(ReaderLanguageQuery, PageQuery) {
  @ApiPropertyOptional({ format: 'date', description: 'Day to answer for; today (UTC) by default' })
  @IsOptional()
  @IsIsoDay()
  date?: string;
}

export class ShortageCheckQuery extends ShortageListQuery {
  @ApiProperty({ example: 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b' })
  @Matches(ESCO_OCCUPATION_URI, { message: 'occupationUri must be an ESCO occupation URI' })
  occupationUri!: string;
}

class Reason {
  @ApiProperty({ description: 'Why the change is made (kept in the history and the audit log)' })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason!: string;
}

export class AddShortageEntryRequest extends Reason {
  @ApiProperty({
    enum: SHORTAGE_LAYERS,
    description: 'eu: administrators only; member_state: that state’s NCP',
  })
  @IsIn(SHORTAGE_LAYERS)
  layer!: ShortageLayer;

  @ApiPropertyOptional({ example: 'NL', description: 'Required for the member_state layer' })
  @IsOptional()
  @Matches(MEMBER_STATE, { message: 'memberState must be a two-letter ISO 3166-1 code' })
  memberState?: string;

  @ApiProperty({ enum: SHORTAGE_EFFECTS, description: 'Removals exist only in a Member State layer' })
  @IsIn(SHORTAGE_EFFECTS)
  effect!: ShortageEffect;

  @ApiPropertyOptional({ description: 'One ESCO occupation (give this or iscoCode)' })
  @ValidateIf(
    (request: AddShortageEntryRequest) =>
      request.iscoCode === undefined || request.occupationUri !== undefined,
  )
  @Matches(ESCO_OCCUPATION_URI, { message: 'occupationUri must be an ESCO occupation URI' })
  occupationUri?: string;

  @ApiPropertyOptional({
    example: '7212',
    description: 'An ISCO-08 group, 1–4 digits (give this or occupationUri)',
  })
  @IsOptional()
  @Matches(/^\d{1,4}$/, { message: 'iscoCode must be 1 to 4 digits' })
  iscoCode?: string;

  @ApiProperty({ example: 'construction' })
  @Matches(/^[a-z_]{2,40}$/)
  sectorCode!: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDay()
  validFrom!: string;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    description: 'Last valid day; open-ended when empty',
  })
  @IsOptional()
  @IsIsoDay()
  validTo?: string | null;
}

export class ReviseShortageEntryRequest extends Reason {
  @ApiPropertyOptional({ example: 'construction' })
  @IsOptional()
  @Matches(/^[a-z_]{2,40}$/)
  sectorCode?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDay()
  validFrom?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'null makes the entry open-ended',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsIsoDay()
  validTo?: string | null;
}

export class WithdrawShortageEntryRequest extends Reason {}

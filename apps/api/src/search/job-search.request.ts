import { JOB_SORTS, type JobSort } from '@app/discovery';
import { ESCO_OCCUPATION_URI } from '@app/taxonomy';
import { CONTRACT_TYPES, PAY_PERIODS, type ContractType, type PayPeriod } from '@app/vacancies';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../openapi/pagination';
import { QueryBoolean, QueryList, QueryNumber } from './query-arrays';

const COUNTRY = /^[A-Za-z]{2}$/;
const list = { type: String, isArray: true } satisfies ApiPropertyOptions;

/** Query parameters of job search; lists accept repeated parameters or commas. */
export class JobSearchRequest extends PageQuery {
  @ApiPropertyOptional({ example: 'welder' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;

  @ApiPropertyOptional({ ...list, description: 'ESCO occupation URIs' })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(ESCO_OCCUPATION_URI, { each: true, message: 'occupations must be ESCO occupation URIs' })
  occupations?: string[];

  @ApiPropertyOptional({ ...list, example: ['72'] })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^\d{1,4}$/, { each: true, message: 'iscoGroups must be ISCO-08 codes' })
  iscoGroups?: string[];

  @ApiPropertyOptional({ ...list, example: ['construction'] })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z_]{2,40}$/, { each: true, message: 'sectors must be sector codes' })
  sectors?: string[];

  @ApiPropertyOptional({ ...list, example: ['NL'] })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(27)
  @Matches(COUNTRY, { each: true, message: 'memberStates must be ISO 3166-1 alpha-2 codes' })
  memberStates?: string[];

  @ApiPropertyOptional({ ...list, example: ['Rotterdam'] })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  cities?: string[];

  @ApiPropertyOptional({ ...list, example: ['en'], description: 'ISO 639-1 codes the vacancy asks for' })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'languages must be ISO 639-1 codes' })
  languages?: string[];

  @ApiPropertyOptional({ description: 'Match `languages` against required languages only' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  languagesRequired?: boolean;

  @ApiPropertyOptional({ ...list, enum: CONTRACT_TYPES })
  @IsOptional()
  @QueryList()
  @IsArray()
  @IsIn(CONTRACT_TYPES, { each: true })
  contractTypes?: ContractType[];

  @ApiPropertyOptional({ example: 2500, description: 'Pay of at least this much (per payPeriod)' })
  @IsOptional()
  @QueryNumber()
  @IsNumber()
  @Min(0)
  minPay?: number;

  @ApiPropertyOptional({ enum: PAY_PERIODS })
  @IsOptional()
  @IsIn(PAY_PERIODS)
  payPeriod?: PayPeriod;

  @ApiPropertyOptional({ example: 'EUR' })
  @IsOptional()
  @Matches(/^[A-Za-z]{3}$/, { message: 'payCurrency must be an ISO 4217 code' })
  payCurrency?: string;

  @ApiPropertyOptional({ enum: JOB_SORTS, default: 'relevance' })
  @IsOptional()
  @IsIn(JOB_SORTS)
  sort?: JobSort;
}

import { EMPLOYER_STATUSES, type EmployerStatus } from '@app/employers';
import { EMPLOYER_ENTITY_TYPES, type EmployerEntityType } from '@app/reference-data';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '../openapi/pagination';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

const MEMBER_STATE = /^[A-Za-z]{2}$/;
const PHONE = /^\+?[0-9 ()./-]{6,30}$/;

export class EmployerContactRequest {
  @ApiProperty({ example: 'Ana Lopes' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    example: 'hr@bouw.example.nl',
    description: 'Also the sign-in of the organisation’s first user',
  })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: '+31 20 123 4567' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;
}

export class RegisterEmployerRequest {
  @ApiProperty({ example: 'Bouwbedrijf De Vries B.V.' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  legalName!: string;

  @ApiProperty({ example: 'NL', description: 'Member State of establishment (must participate)' })
  @Matches(MEMBER_STATE, { message: 'memberState must be a two-letter ISO 3166-1 code' })
  memberState!: string;

  @ApiProperty({ example: 'KVK 12345678', description: 'National business registration number' })
  @IsString()
  @Matches(/^[A-Za-z0-9 .\-/]{2,40}$/, {
    message: 'registrationNumber must be 2–40 letters, digits or separators',
  })
  registrationNumber!: string;

  @ApiProperty({ enum: EMPLOYER_ENTITY_TYPES })
  @IsIn(EMPLOYER_ENTITY_TYPES)
  entityType!: EmployerEntityType;

  @ApiProperty({ type: EmployerContactRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => EmployerContactRequest)
  contact!: EmployerContactRequest;

  @ApiProperty({ description: 'What the organisation does' })
  @IsString()
  @MinLength(20)
  @MaxLength(5000)
  description!: string;
}

export class ChangeEmployerStatusRequest {
  @ApiProperty({
    enum: ['verified', 'suspended', 'removed'],
    description: 'verified also lifts a suspension',
  })
  @IsIn(EMPLOYER_STATUSES.filter((status) => status !== 'pending'))
  status!: Exclude<EmployerStatus, 'pending'>;

  @ApiProperty({ description: 'Why (kept with the employer and in the audit log)' })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason!: string;
}

export class ListEmployersQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'NL', description: 'NCPs: their own state (the default)' })
  @IsOptional()
  @Matches(MEMBER_STATE, { message: 'memberState must be a two-letter ISO 3166-1 code' })
  memberState?: string;

  @ApiPropertyOptional({ enum: EMPLOYER_STATUSES })
  @IsOptional()
  @IsIn(EMPLOYER_STATUSES)
  status?: EmployerStatus;
}

export class ExcludeRegistrationNumberRequest {
  @ApiProperty({ example: 'NL' })
  @Matches(MEMBER_STATE, { message: 'memberState must be a two-letter ISO 3166-1 code' })
  memberState!: string;

  @ApiProperty({ example: 'KVK 12345678' })
  @Matches(/^[A-Za-z0-9 .\-/]{2,40}$/, {
    message: 'registrationNumber must be 2–40 letters, digits or separators',
  })
  registrationNumber!: string;

  @ApiProperty({ description: 'The breach that justifies the exclusion' })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason!: string;
}

export class ExclusionsQuery extends PageQuery {
  @ApiProperty({ example: 'NL' })
  @Matches(MEMBER_STATE, { message: 'memberState must be a two-letter ISO 3166-1 code' })
  memberState!: string;
}

import { PROFILE_LIMITS } from '@app/candidates';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { COUNTRY_CODE, ISO_DATE, Trim } from './fields';

export class RegisterCandidateRequest {
  @ApiProperty({ example: 'Amina', maxLength: PROFILE_LIMITS.text })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROFILE_LIMITS.text)
  givenName!: string;

  @ApiProperty({ example: 'El Idrissi', maxLength: PROFILE_LIMITS.text })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROFILE_LIMITS.text)
  familyName!: string;

  @ApiProperty({ example: '1996-05-14', description: 'YYYY-MM-DD; not in the future' })
  @Matches(ISO_DATE, { message: 'dateOfBirth must be a date written YYYY-MM-DD' })
  dateOfBirth!: string;

  @ApiProperty({ example: 'MA', description: 'ISO 3166-1 alpha-2; must be outside the EU-27' })
  @Matches(COUNTRY_CODE, { message: 'residenceCountry must be an ISO 3166-1 alpha-2 code' })
  residenceCountry!: string;

  @ApiProperty({
    example: ['MA'],
    description: 'Every citizenship held (ISO 3166-1 alpha-2); none may be of an EU Member State',
    maxItems: PROFILE_LIMITS.citizenships,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PROFILE_LIMITS.citizenships)
  @Matches(COUNTRY_CODE, { each: true, message: 'each citizenship must be an ISO 3166-1 alpha-2 code' })
  citizenships!: string[];

  @ApiPropertyOptional({
    example: '+212 612-345678',
    description:
      'Any common notation; stored in E.164. Numbers without a prefix are read as of the residence country',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
}

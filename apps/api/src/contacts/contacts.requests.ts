import { CONSENT_STATES, EMPLOYER_STAGES, type ConsentState, type EmployerStage } from '@app/contacts';
import { READER_LANGUAGES, type ReaderLanguage } from '@app/vacancies';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../openapi/pagination';

export const MESSAGE_MAX_LENGTH = 5_000;

const toBoolean = ({ value }: { value: unknown }) =>
  value === true || value === 'true' ? true : value === false || value === 'false' ? false : value;

export class LanguageOption {
  @ApiPropertyOptional({
    enum: READER_LANGUAGES,
    default: 'en',
    description: 'Language of labels, texts and mails',
  })
  @IsOptional()
  @IsIn(READER_LANGUAGES)
  lang?: ReaderLanguage;
}

export class ShareOptions extends LanguageOption {
  @ApiPropertyOptional({ default: false, description: 'Also disclose the qualifications on the profile' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  shareQualifications?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Also disclose the work history on the profile' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  shareWorkExperience?: boolean;
}

export class ConsentConfirmation extends ShareOptions {
  @ApiProperty({
    example: 'contact-consent-2026-12',
    description: 'The version of the consent text shown to the candidate, which they confirm',
  })
  @IsString()
  @MaxLength(100)
  consentVersion!: string;
}

export class ApplicationRequest extends ConsentConfirmation {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  vacancyId!: string;

  @ApiPropertyOptional({ maxLength: MESSAGE_MAX_LENGTH, description: 'Optional note to the employer' })
  @IsOptional()
  @IsString()
  @MaxLength(MESSAGE_MAX_LENGTH)
  message?: string;
}

export class ContactRequestRequest extends LanguageOption {
  @ApiProperty({ example: 'TP-7K2M-9QXD' })
  @IsString()
  @Matches(/^TP-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}$/, { message: 'must be a reference code like TP-7K2M-9QXD' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  referenceCode!: string;

  @ApiProperty({ minLength: 1, maxLength: MESSAGE_MAX_LENGTH })
  @IsString()
  @Length(1, MESSAGE_MAX_LENGTH)
  message!: string;
}

export class MessageRequest {
  @ApiProperty({ minLength: 1, maxLength: MESSAGE_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(MESSAGE_MAX_LENGTH)
  body!: string;
}

export class StageRequest extends LanguageOption {
  @ApiProperty({ enum: EMPLOYER_STAGES })
  @IsIn(EMPLOYER_STAGES)
  stage!: EmployerStage;
}

export class PipelineQuery extends IntersectionType(LanguageOption, PageQuery) {}

export class CandidateContactsQuery extends PipelineQuery {
  @ApiPropertyOptional({ enum: CONSENT_STATES, description: 'e.g. pending: the requests awaiting an answer' })
  @IsOptional()
  @IsIn(CONSENT_STATES)
  consent?: ConsentState;
}

export class ContactRatesQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'NL', description: 'An NCP sees its own Member State only' })
  @IsOptional()
  @Matches(/^[A-Za-z]{2}$/)
  memberState?: string;

  @ApiPropertyOptional({ default: 30, minimum: 1, maximum: 365 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;
}

export class SuspensionRequest {
  @ApiProperty({ minLength: 3, maxLength: 2000 })
  @IsString()
  @Length(3, 2000)
  reason!: string;
}

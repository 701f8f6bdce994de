import { MAIL_LANGUAGES, type MailLanguage } from '@app/identity';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Generous bounds on the wire; the password rules proper live in the identity library. */
export const MAX_PASSWORD_INPUT = 1024;
export const MAX_TOKEN_INPUT = 256;

export class EmailField {
  @ApiProperty({ example: 'amina.k@example.org', maxLength: 254 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class EmailAndPassword extends EmailField {
  @ApiProperty({ example: 'violet kettle harbour 7', maxLength: MAX_PASSWORD_INPUT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_INPUT)
  password!: string;
}

/** An address, and the language of the page the request comes from: its mail is written in it. */
export class EmailAndLanguage extends EmailField {
  @ApiPropertyOptional({
    enum: MAIL_LANGUAGES,
    description: 'The reader’s language: the mail is written in it and its link leads to the web page in it (default en)',
  })
  @IsOptional()
  @IsIn(MAIL_LANGUAGES)
  language?: MailLanguage;
}

import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

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

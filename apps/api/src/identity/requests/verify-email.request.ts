import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_TOKEN_INPUT } from './credentials';

export class VerifyEmailRequest {
  @ApiProperty({ description: 'The token from the verification link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_TOKEN_INPUT)
  token!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_PASSWORD_INPUT, MAX_TOKEN_INPUT } from './credentials';

export class VerifyEmailRequest {
  @ApiProperty({ description: 'The token from the verification link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_TOKEN_INPUT)
  token!: string;

  @ApiProperty({
    example: 'violet kettle harbour 7',
    description: 'The password of the new account, chosen by whoever holds the mailbox',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_INPUT)
  password!: string;
}

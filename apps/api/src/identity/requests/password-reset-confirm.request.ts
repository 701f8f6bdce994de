import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_PASSWORD_INPUT, MAX_TOKEN_INPUT } from './credentials';

export class PasswordResetConfirmRequest {
  @ApiProperty({ description: 'The token from the reset or invitation link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_TOKEN_INPUT)
  token!: string;

  @ApiProperty({ example: 'violet kettle harbour 7' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_INPUT)
  password!: string;
}

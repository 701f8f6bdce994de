import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_TOKEN_INPUT } from './credentials';

export class RefreshTokenRequest {
  @ApiProperty({ description: 'The refresh token from the last login or refresh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_TOKEN_INPUT)
  refreshToken!: string;
}

import type { TokenPair } from '@app/identity';
import { ApiProperty } from '@nestjs/swagger';

export class TokenPairResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn!: number;

  @ApiProperty({ description: 'Single use: exchange it at /auth/refresh for a new pair' })
  refreshToken!: string;
}

export function toTokenPairResponse(pair: TokenPair): TokenPairResponse {
  return {
    accessToken: pair.accessToken,
    tokenType: 'Bearer',
    expiresIn: pair.expiresIn,
    refreshToken: pair.refreshToken,
  };
}

import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { EmailField } from './credentials';

export class InviteNcpRequest extends EmailField {
  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2 code of the EU Member State' })
  @Matches(/^[A-Za-z]{2}$/, { message: 'memberState must be a two-letter ISO 3166-1 code' })
  memberState!: string;
}

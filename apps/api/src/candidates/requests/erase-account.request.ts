import { ApiProperty } from '@nestjs/swagger';
import { Equals } from 'class-validator';

export const ERASE_CONFIRMATION = 'ERASE MY ACCOUNT';

/** Erasure cannot be undone, so it needs an explicit confirmation in the body. */
export class EraseAccountRequest {
  @ApiProperty({ enum: [ERASE_CONFIRMATION] })
  @Equals(ERASE_CONFIRMATION, { message: `confirmation must be exactly "${ERASE_CONFIRMATION}"` })
  confirmation!: string;
}

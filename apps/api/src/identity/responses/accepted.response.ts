import { ApiProperty } from '@nestjs/swagger';

/** The same answer whatever happened behind it, so the endpoint cannot be used to probe accounts. */
export class AcceptedResponse {
  @ApiProperty({ enum: ['accepted'] })
  status!: 'accepted';

  @ApiProperty({ example: 'If the address can receive it, a message is on its way.' })
  message!: string;
}

export function accepted(message: string): AcceptedResponse {
  return { status: 'accepted', message };
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A detail may add the facts behind it (the URI or date that was refused, …) beside these fields. */
export class ErrorDetail {
  @ApiPropertyOptional({ example: 'email' })
  field?: string;

  @ApiProperty({ example: 'must be an email' })
  reason!: string;

  @ApiPropertyOptional({ example: 'RESIDENT_OF_MEMBER_STATE', description: 'This detail’s own code' })
  code?: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'With TOO_MANY_ATTEMPTS: seconds until trying again',
  })
  retryAfterSeconds?: number;
}

export class ErrorPayload {
  @ApiProperty({ example: 'VALIDATION_FAILED' })
  code!: string;

  @ApiProperty({ example: 'The request is invalid' })
  message!: string;

  @ApiPropertyOptional({ type: [ErrorDetail] })
  details?: ErrorDetail[];

  @ApiPropertyOptional({ description: 'Echoes the x-request-id response header' })
  requestId?: string;

  @ApiPropertyOptional({ description: 'Reference for an unexpected error, as logged by the server' })
  errorId?: string;
}

/** The one shape of every error response. */
export class ErrorBody {
  @ApiProperty({ type: ErrorPayload })
  error!: ErrorPayload;
}

import type { DomainErrorDetail } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetail implements DomainErrorDetail {
  @ApiPropertyOptional({ example: 'email', description: 'Dotted path of the field, array items by index' })
  field?: string;

  @ApiProperty({ example: 'must be an email' })
  reason!: string;

  @ApiPropertyOptional({ example: 'RESIDENT_OF_MEMBER_STATE', description: 'This detail’s own code' })
  code?: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Rate limits: seconds until a retry may succeed, as in Retry-After',
  })
  retryAfterSeconds?: number;

  @ApiPropertyOptional({ description: 'An ESCO concept URI the taxonomy does not hold' })
  uri?: string;

  @ApiPropertyOptional({ description: 'Shortage check: the occupation checked' })
  occupationUri?: string;

  @ApiPropertyOptional({ description: 'Shortage check: the Member State checked', example: 'NL' })
  memberState?: string;

  @ApiPropertyOptional({ description: 'Shortage check: the day checked', format: 'date' })
  date?: string;

  @ApiPropertyOptional({ description: 'Refused transition: the current state' })
  from?: string;

  @ApiPropertyOptional({ description: 'Refused transition: the state asked for' })
  to?: string;

  @ApiPropertyOptional({ description: 'A refusal that lasts a while: when it ends', format: 'date-time' })
  until?: string;

  @ApiPropertyOptional({ description: 'Consent: the current version of the text to confirm' })
  version?: string;
}

/** Fails to compile when a domain error detail gains a key this schema does not document. */
type Undocumented = Exclude<keyof DomainErrorDetail, keyof ErrorDetail>;
export const EVERY_DETAIL_DOCUMENTED: [Undocumented] extends [never] ? true : Undocumented = true;

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

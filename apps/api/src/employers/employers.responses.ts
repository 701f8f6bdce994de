import {
  EMPLOYER_STATUSES,
  type EmployerStatus,
  type EmployerView,
  type ExcludedRegistrationNumber,
} from '@app/employers';
import { EMPLOYER_ENTITY_TYPES, type EmployerEntityType } from '@app/reference-data';
import { ApiProperty } from '@nestjs/swagger';

export class EmployerContactResponse {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
}

export class EmployerResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() legalName!: string;
  @ApiProperty({ example: 'NL' }) memberState!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Normalised: upper case, no separators' })
  registrationNumber!: string | null;
  @ApiProperty({ enum: EMPLOYER_ENTITY_TYPES }) entityType!: EmployerEntityType;
  @ApiProperty({ enum: EMPLOYER_STATUSES }) status!: EmployerStatus;
  @ApiProperty({ type: String, nullable: true }) statusReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) statusChangedAt!: string | null;
  @ApiProperty({ type: EmployerContactResponse, nullable: true }) contact!: EmployerContactResponse | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(view: EmployerView): EmployerResponse {
    return {
      ...view,
      statusChangedAt: view.statusChangedAt?.toISOString() ?? null,
      createdAt: view.createdAt.toISOString(),
    };
  }
}

/**
 * The same for every accepted registration: whether the contact address already had an account
 * (then nothing is registered and its owner is told by mail) is not the caller's to learn.
 */
export class EmployerRegistrationAcceptedResponse {
  @ApiProperty({ description: 'What happens next' }) message!: string;
}

export class ExclusionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() memberState!: string;
  @ApiProperty() registrationNumber!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;

  static from(exclusion: ExcludedRegistrationNumber): ExclusionResponse {
    return { ...exclusion, recordedAt: exclusion.recordedAt.toISOString() };
  }
}

import { EMPLOYER_ENTITY_TYPES, type EmployerEntityType } from '@app/reference-data';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsBoolean, IsIn, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsIsoDay } from '../validation/iso-day';

const optionalDay = (field: 'notificationDate' | 'participationStartDate' | 'withdrawalDate') =>
  ValidateIf((request: ChangeParticipationRequest) => request[field] !== null);

export class ChangeParticipationRequest {
  @ApiProperty()
  @IsBoolean()
  participating!: boolean;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'When the state notified its participation',
  })
  @optionalDay('notificationDate')
  @IsIsoDay()
  notificationDate!: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'At least 9 months after the notification; null means since the platform’s launch',
  })
  @optionalDay('participationStartDate')
  @IsIsoDay()
  participationStartDate!: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'First day the state no longer takes part',
  })
  @optionalDay('withdrawalDate')
  @IsIsoDay()
  withdrawalDate!: string | null;

  @ApiProperty({ enum: EMPLOYER_ENTITY_TYPES, isArray: true })
  @ArrayMaxSize(EMPLOYER_ENTITY_TYPES.length)
  @IsIn(EMPLOYER_ENTITY_TYPES, { each: true })
  allowedEntityTypes!: EmployerEntityType[];

  @ApiProperty({ description: 'Why (kept in the audit log)' })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason!: string;
}

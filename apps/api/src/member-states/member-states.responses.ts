import type { MemberStateParticipation } from '@app/member-states';
import { EMPLOYER_ENTITY_TYPES, type EmployerEntityType } from '@app/reference-data';
import { ApiProperty } from '@nestjs/swagger';

export class ParticipationResponse {
  @ApiProperty({ example: 'DE' }) countryCode!: string;
  @ApiProperty() participating!: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) notificationDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) participationStartDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) withdrawalDate!: string | null;
  @ApiProperty({ enum: EMPLOYER_ENTITY_TYPES, isArray: true }) allowedEntityTypes!: EmployerEntityType[];

  static from(state: MemberStateParticipation): ParticipationResponse {
    return {
      countryCode: state.countryCode,
      participating: state.participating,
      notificationDate: state.notificationDate,
      participationStartDate: state.participationStartDate,
      withdrawalDate: state.withdrawalDate,
      allowedEntityTypes: state.allowedEntityTypes,
    };
  }
}

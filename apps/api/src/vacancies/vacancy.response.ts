import {
  CEFR_CODES,
  CONTRACT_TYPES,
  LANGUAGE_REQUIREMENTS,
  PAY_PERIODS,
  SKILL_REQUIREMENTS,
  VACANCY_STATUSES,
  type CefrCode,
  type ContractType,
  type LanguageRequirement,
  type PayPeriod,
  type SkillRequirement,
  type VacancyStatus,
  type VacancyView,
  type VacancyVersionView,
} from '@app/vacancies';
import { ApiProperty } from '@nestjs/swagger';

class PlaceOfWorkResponse {
  @ApiProperty() memberState!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
}

class ContactResponse {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
}

class PayResponse {
  @ApiProperty({ type: Number, nullable: true }) min!: number | null;
  @ApiProperty({ type: Number, nullable: true }) max!: number | null;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: PAY_PERIODS }) period!: PayPeriod;
}

class VacancySkillResponse {
  @ApiProperty() uri!: string;
  @ApiProperty({ enum: SKILL_REQUIREMENTS }) requirement!: SkillRequirement;
}

class VacancyLanguageResponse {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: CEFR_CODES }) minCefr!: CefrCode;
  @ApiProperty({ enum: LANGUAGE_REQUIREMENTS }) requirement!: LanguageRequirement;
}

export class VacancyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ enum: VACANCY_STATUSES }) status!: VacancyStatus;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() occupationUri!: string;
  @ApiProperty({ type: PlaceOfWorkResponse }) placeOfWork!: PlaceOfWorkResponse;
  @ApiProperty({ type: ContactResponse }) contact!: ContactResponse;
  @ApiProperty({ type: PayResponse, nullable: true }) pay!: PayResponse | null;
  @ApiProperty({ enum: CONTRACT_TYPES, nullable: true }) contractType!: ContractType | null;
  @ApiProperty({ type: Number, nullable: true }) hoursPerWeek!: number | null;
  @ApiProperty() numberOfPosts!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate!: string | null;
  @ApiProperty({ type: [VacancySkillResponse] }) skills!: VacancySkillResponse[];
  @ApiProperty({ type: [VacancyLanguageResponse] }) languages!: VacancyLanguageResponse[];
  @ApiProperty({ type: Number, nullable: true }) minEqfLevel!: number | null;
  @ApiProperty({ type: Number, nullable: true }) minExperienceYears!: number | null;
  @ApiProperty() contributesToCompetitiveness!: boolean;
  @ApiProperty({ type: String, nullable: true }) competitivenessJustification!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(view: VacancyView): VacancyResponse {
    return {
      ...view,
      publishedAt: view.publishedAt?.toISOString() ?? null,
      expiresAt: view.expiresAt?.toISOString() ?? null,
      closedAt: view.closedAt?.toISOString() ?? null,
      createdAt: view.createdAt.toISOString(),
      updatedAt: view.updatedAt.toISOString(),
    };
  }
}

export class VacancyVersionResponse {
  @ApiProperty({ minimum: 1 }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    type: [String],
    description: 'The fields this version changed (none for version 1, as published)',
  })
  changedFields!: string[];
  @ApiProperty({ description: 'Whether the change was checked again against the publication rule' })
  substantive!: boolean;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The account that made the change',
  })
  changedBy!: string | null;
  @ApiProperty({ type: VacancyResponse, description: 'The vacancy as this version read' })
  vacancy!: VacancyResponse;

  static from(view: VacancyVersionView): VacancyVersionResponse {
    return {
      ...view,
      createdAt: view.createdAt.toISOString(),
      vacancy: VacancyResponse.from(view.vacancy),
    };
  }
}

import {
  CEFR_CODES,
  CONTRACT_TYPES,
  LANGUAGE_REQUIREMENTS,
  PAY_PERIODS,
  READER_LANGUAGES,
  SKILL_REQUIREMENTS,
  type CefrCode,
  type ContractType,
  type LanguageRequirement,
  type PayPeriod,
  type PublicationBasis,
  type PublicVacancyView,
  type ReaderLanguage,
  type SkillRequirement,
} from '@app/vacancies';
import { ApiProperty } from '@nestjs/swagger';

export class LabelledUriResponse {
  @ApiProperty() uri!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Language of the label: the reader’s, or en when missing' }) language!: string;
}

class PublicOccupationResponse extends LabelledUriResponse {
  @ApiProperty() iscoCode!: string;
}

class PublicSkillResponse extends LabelledUriResponse {
  @ApiProperty({ enum: SKILL_REQUIREMENTS }) requirement!: SkillRequirement;
}

class PublicLanguageResponse {
  @ApiProperty({ example: 'fr' }) code!: string;
  @ApiProperty({ enum: CEFR_CODES }) minCefr!: CefrCode;
  @ApiProperty({ enum: LANGUAGE_REQUIREMENTS }) requirement!: LanguageRequirement;
}

class PublicPayResponse {
  @ApiProperty({ type: Number, nullable: true }) min!: number | null;
  @ApiProperty({ type: Number, nullable: true }) max!: number | null;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: PAY_PERIODS }) period!: PayPeriod;
}

class PublicPlaceResponse {
  @ApiProperty() memberState!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
}

class PublicEmployerResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The verified organisation’s public name' }) name!: string;
  @ApiProperty() memberState!: string;
}

export class NoticeResponse {
  @ApiProperty({ description: 'Version of the wording shown', example: 'admission-notice-2026-12' })
  version!: string;
  @ApiProperty({ enum: READER_LANGUAGES }) language!: ReaderLanguage;
  @ApiProperty() text!: string;
}

export class PublicVacancyResponse implements PublicVacancyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: PublicOccupationResponse }) occupation!: PublicOccupationResponse;
  @ApiProperty({ type: [PublicSkillResponse] }) skills!: PublicSkillResponse[];
  @ApiProperty({ type: [PublicLanguageResponse] }) languages!: PublicLanguageResponse[];
  @ApiProperty({ type: Number, nullable: true }) minEqfLevel!: number | null;
  @ApiProperty({ type: Number, nullable: true }) minExperienceYears!: number | null;
  @ApiProperty({ enum: CONTRACT_TYPES, nullable: true }) contractType!: ContractType | null;
  @ApiProperty({ type: Number, nullable: true }) hoursPerWeek!: number | null;
  @ApiProperty() numberOfPosts!: number;
  @ApiProperty({ type: PublicPayResponse, nullable: true }) pay!: PublicPayResponse | null;
  @ApiProperty({ type: PublicPlaceResponse }) placeOfWork!: PublicPlaceResponse;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) startDate!: string | null;
  @ApiProperty({ type: PublicEmployerResponse }) employer!: PublicEmployerResponse;
  @ApiProperty({
    enum: ['shortage_list', 'eu_competitiveness'],
    description:
      'Why it may be published: its occupation is on the shortage list there today, or it is flagged as contributing to EU competitiveness',
  })
  basis!: PublicationBasis;
  @ApiProperty({ type: String, nullable: true }) competitivenessJustification!: string | null;
  @ApiProperty() publishedAt!: Date;
  @ApiProperty() expiresAt!: Date;
  @ApiProperty({ enum: READER_LANGUAGES }) readerLanguage!: ReaderLanguage;
  @ApiProperty({ type: NoticeResponse, description: 'A match is not a visa or permit (versioned text)' })
  notice!: NoticeResponse;
}

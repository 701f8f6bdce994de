import {
  EMPLOYER_ENTITY_TYPES,
  type CefrLevel,
  type Country,
  type EmployerEntityType,
  type EqfLevel,
  type Language,
  type MemberState,
} from '@app/reference-data';
import { ApiProperty } from '@nestjs/swagger';

export class CountryResponse {
  @ApiProperty({ example: 'MA' }) alpha2!: string;
  @ApiProperty({ example: 'MAR' }) alpha3!: string;
  @ApiProperty({ example: '504' }) numericCode!: string;
  @ApiProperty({ example: 'Morocco' }) name!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Africa' }) region!: string | null;
  @ApiProperty() euMember!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Eurostat code (EL for Greece)' }) euCode!:
    string | null;

  static from(country: Country): CountryResponse {
    return Object.assign(new CountryResponse(), country);
  }
}

export class LanguageResponse {
  @ApiProperty({ example: 'fr' }) code!: string;
  @ApiProperty({ example: 'French' }) name!: string;

  static from(language: Language): LanguageResponse {
    return Object.assign(new LanguageResponse(), language);
  }
}

export class CefrLevelResponse {
  @ApiProperty({ example: 'B2' }) code!: string;
  @ApiProperty({ example: 4, description: 'Order from 1 (A1) to 6 (C2)' }) rank!: number;
  @ApiProperty({ example: 'Vantage' }) name!: string;

  static from(level: CefrLevel): CefrLevelResponse {
    return Object.assign(new CefrLevelResponse(), level);
  }
}

export class EqfLevelResponse {
  @ApiProperty({ example: 6 }) level!: number;
  @ApiProperty() description!: string;

  static from(level: EqfLevel): EqfLevelResponse {
    return Object.assign(new EqfLevelResponse(), level);
  }
}

export class MemberStateResponse {
  @ApiProperty({ example: 'DE' }) countryCode!: string;
  @ApiProperty({ example: 'Germany' }) name!: string;
  @ApiProperty() participating!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) participationStartDate!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) notificationDate!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) withdrawalDate!: string | null;
  @ApiProperty({ enum: EMPLOYER_ENTITY_TYPES, isArray: true }) allowedEntityTypes!: EmployerEntityType[];

  static from(state: MemberState): MemberStateResponse {
    return Object.assign(new MemberStateResponse(), state);
  }
}

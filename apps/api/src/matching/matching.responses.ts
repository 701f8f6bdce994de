import {
  MATCH_FACTORS,
  MATCH_STATUSES,
  SKILL_RELATIONS,
  type CandidateMatchView,
  type EmployerMatchView,
  type MatchFactor,
  type MatchImprovements,
  type MatchStatus,
  type SkillRelation,
} from '@app/matching';
import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '../openapi/pagination';

class MatchConceptResponse {
  @ApiProperty() uri!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Language of the label (English when the translation is missing)' })
  language!: string;
}

class FactorResponse {
  @ApiProperty({ enum: MATCH_FACTORS }) factor!: MatchFactor;
  @ApiProperty() weight!: number;
  @ApiProperty() value!: number;
  @ApiProperty() contribution!: number;
}

class MatchedSkillResponse extends MatchConceptResponse {
  @ApiProperty({ enum: ['essential', 'optional'] }) requirement!: 'essential' | 'optional';
  @ApiProperty({ enum: SKILL_RELATIONS, description: 'How the candidate’s skill relates in ESCO' })
  relation!: SkillRelation;
  @ApiProperty({ type: MatchConceptResponse }) via!: MatchConceptResponse;
  @ApiProperty() credit!: number;
}

class ExplanationResponse {
  @ApiProperty() scoreVersion!: number;
  @ApiProperty({ type: [FactorResponse] }) factors!: FactorResponse[];
  @ApiProperty({ type: [MatchedSkillResponse] }) matchedSkills!: MatchedSkillResponse[];
  @ApiProperty({ type: [MatchConceptResponse] }) missingEssentialSkills!: MatchConceptResponse[];
}

export class EmployerMatchResponse {
  @ApiProperty() rank!: number;
  @ApiProperty({ description: 'Pseudonymous reference code; never the candidate’s identity' })
  referenceCode!: string;
  @ApiProperty({ description: '0–100' }) score!: number;
  @ApiProperty({ enum: MATCH_STATUSES }) status!: MatchStatus;
  @ApiProperty() computedAt!: Date;
  @ApiProperty({ type: ExplanationResponse }) explanation!: ExplanationResponse;

  static from(view: EmployerMatchView): EmployerMatchResponse {
    return Object.assign(new EmployerMatchResponse(), view);
  }
}

export class MatchStatusResponse {
  @ApiProperty() referenceCode!: string;
  @ApiProperty({ enum: MATCH_STATUSES }) status!: MatchStatus;
}

class PlaceResponse {
  @ApiProperty() memberState!: string;
  @ApiProperty() city!: string;
}

export class CandidateMatchResponse {
  @ApiProperty() rank!: number;
  @ApiProperty() vacancyId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ type: MatchConceptResponse }) occupation!: MatchConceptResponse;
  @ApiProperty({ type: PlaceResponse }) placeOfWork!: PlaceResponse;
  @ApiProperty({ description: '0–100' }) score!: number;
  @ApiProperty() computedAt!: Date;
  @ApiProperty({ type: ExplanationResponse }) explanation!: ExplanationResponse;

  static from(view: CandidateMatchView): CandidateMatchResponse {
    return Object.assign(new CandidateMatchResponse(), view);
  }
}

export const ADMISSION_NOTICE =
  'A match never guarantees a visa or work permit: admission is decided under national immigration procedures.';

export class CandidateMatchesResponse extends PageResponse(CandidateMatchResponse) {
  @ApiProperty({ example: ADMISSION_NOTICE }) notice!: string;
}

class ImprovementResponse {
  @ApiProperty({ type: MatchConceptResponse }) skill!: MatchConceptResponse;
  @ApiProperty({ description: 'Vacancies within reach that list this skill as essential' })
  vacancies!: number;
}

export class MatchImprovementsResponse {
  @ApiProperty() vacanciesConsidered!: number;
  @ApiProperty({ type: [ImprovementResponse] }) skills!: ImprovementResponse[];

  static from(view: MatchImprovements): MatchImprovementsResponse {
    return Object.assign(new MatchImprovementsResponse(), view);
  }
}

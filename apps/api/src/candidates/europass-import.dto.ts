import type { EuropassDraft, EuropassWorkDraft } from '@app/candidates';
import { SUGGESTION_LANGUAGES, type SuggestionLanguage } from '@app/taxonomy';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SuggestionResponse } from './skill-suggestions.dto';
import { EducationEntryRequest, LanguageEntryRequest } from './requests/update-profile.request';

export const EUROPASS_XML_MAX_LENGTH = 90_000;

export class EuropassImportRequest {
  @ApiProperty({
    description:
      'A Europass CV in the Europass XML format (schema v3.x, root element `SkillsPassport`), as the Europass ' +
      'editor saves it; without attachments or photo, to stay within the request size limit',
    maxLength: EUROPASS_XML_MAX_LENGTH,
  })
  @IsString()
  @MinLength(20)
  @MaxLength(EUROPASS_XML_MAX_LENGTH)
  xml!: string;
}

export class EuropassWorkDraftResponse {
  @ApiProperty({ type: String, nullable: true }) position!: string | null;
  @ApiProperty({
    type: SuggestionResponse,
    nullable: true,
    description: 'ESCO occupation suggested from the position',
  })
  occupation!: SuggestionResponse | null;
  @ApiProperty({ type: String, nullable: true }) employerName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'MA' }) countryCode!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate!: string | null;

  static from(work: EuropassWorkDraft): EuropassWorkDraftResponse {
    return { ...work, occupation: work.occupation && SuggestionResponse.from(work.occupation) };
  }
}

export class EuropassDraftResponse {
  @ApiProperty({ enum: SUGGESTION_LANGUAGES, description: 'The language the CV’s texts were read in' })
  textLanguage!: SuggestionLanguage;
  @ApiProperty({ type: [SuggestionResponse], description: 'Suggested from the headline and position titles' })
  occupations!: SuggestionResponse[];
  @ApiProperty({
    type: [SuggestionResponse],
    description: 'Suggested from the titles, activities and skill texts',
  })
  skills!: SuggestionResponse[];
  @ApiProperty({
    type: [LanguageEntryRequest],
    description: 'Mother tongues at C2, others at their lowest level given',
  })
  languages!: LanguageEntryRequest[];
  @ApiProperty({ type: [EducationEntryRequest] }) education!: EducationEntryRequest[];
  @ApiProperty({ type: [EuropassWorkDraftResponse] }) workExperience!: EuropassWorkDraftResponse[];

  static from(draft: EuropassDraft): EuropassDraftResponse {
    return {
      textLanguage: draft.textLanguage,
      occupations: draft.occupations.map((suggestion) => SuggestionResponse.from(suggestion)),
      skills: draft.skills.map((suggestion) => SuggestionResponse.from(suggestion)),
      languages: draft.languages,
      education: draft.education,
      workExperience: draft.workExperience.map((work) => EuropassWorkDraftResponse.from(work)),
    };
  }
}

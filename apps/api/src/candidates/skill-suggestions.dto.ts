import {
  ESCO_OCCUPATION_URI,
  ESCO_SKILL_URI,
  SUGGESTION_LANGUAGES,
  SUGGESTION_TEXT_MAX_LENGTH,
  TAXONOMY_LANGUAGES,
  type Suggestion,
  type SuggestionLanguage,
  type Suggestions,
  type TaxonomyLanguage,
} from '@app/taxonomy';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class SuggestConceptsRequest {
  @ApiProperty({
    example: 'I weld steel hull sections with MIG/MAG and read blueprints in a ship repair yard.',
    maxLength: SUGGESTION_TEXT_MAX_LENGTH,
    description: 'The candidate’s own description of their work. Nothing of it is stored',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(SUGGESTION_TEXT_MAX_LENGTH)
  text!: string;

  @ApiProperty({
    enum: SUGGESTION_LANGUAGES,
    description:
      'The language of `text`. ESCO has no Arabic labels: Arabic text is read against the English ones, so only ' +
      'the Latin-script terms in it can be found',
  })
  @IsIn(SUGGESTION_LANGUAGES)
  language!: SuggestionLanguage;
}

export class AcceptSuggestionsRequest {
  @ApiProperty({
    type: [String],
    maxItems: 10,
    description: 'ESCO occupation URIs to add (0 years of experience)',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(ESCO_OCCUPATION_URI, { each: true, message: 'occupations must be ESCO occupation URIs' })
  occupations!: string[];

  @ApiProperty({ type: [String], maxItems: 50, description: 'ESCO skill URIs to add' })
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(ESCO_SKILL_URI, { each: true, message: 'skills must be ESCO skill URIs' })
  skills!: string[];
}

export class SuggestionResponse {
  @ApiProperty() uri!: string;
  @ApiProperty({ description: 'In the reader’s language (`lang`)' }) label!: string;
  @ApiProperty({ enum: TAXONOMY_LANGUAGES, description: 'The language the label is really in' })
  labelLanguage!: TaxonomyLanguage;
  @ApiProperty({ description: 'How specific the words found in the text are; higher is better' })
  score!: number;

  static from(suggestion: Suggestion): SuggestionResponse {
    return {
      uri: suggestion.uri,
      label: suggestion.label,
      labelLanguage: suggestion.language,
      score: suggestion.score,
    };
  }
}

export class SuggestionsResponse {
  @ApiProperty({ enum: TAXONOMY_LANGUAGES, description: 'The language whose ESCO labels were looked for' })
  matchedLanguage!: TaxonomyLanguage;
  @ApiProperty({ type: [SuggestionResponse], maxItems: 5 }) occupations!: SuggestionResponse[];
  @ApiProperty({ type: [SuggestionResponse], maxItems: 15 }) skills!: SuggestionResponse[];

  static from(suggestions: Suggestions): SuggestionsResponse {
    return {
      matchedLanguage: suggestions.matchedLanguage,
      occupations: suggestions.occupations.map((suggestion) => SuggestionResponse.from(suggestion)),
      skills: suggestions.skills.map((suggestion) => SuggestionResponse.from(suggestion)),
    };
  }
}

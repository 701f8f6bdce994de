import { READER_LANGUAGES, type ReaderLanguage } from '@app/vacancies';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ReaderLanguageQuery {
  @ApiPropertyOptional({
    enum: READER_LANGUAGES,
    default: 'en',
    description: 'Language of labels and notices (ESCO labels fall back to en where missing, e.g. ar)',
  })
  @IsOptional()
  @IsIn(READER_LANGUAGES)
  lang?: ReaderLanguage;
}

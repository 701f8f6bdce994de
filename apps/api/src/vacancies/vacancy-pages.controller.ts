import { PublicVacancies } from '@app/vacancies';
import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../access/access.decorator';
import { ErrorBody } from '../errors/error-body';
import { PublicVacancyResponse } from './public-vacancy.response';
import { ReaderLanguageQuery } from './reader-language.query';

@ApiTags('vacancies')
@Controller('jobs')
export class VacancyPagesController {
  constructor(private readonly vacancies: PublicVacancies) {}

  @Public()
  @Get(':id')
  @ApiOperation({
    summary:
      'Public vacancy page (anyone, signed in or not): a published vacancy of a verified employer in a ' +
      'participating Member State, with labels in the reader’s language and the admission notice',
  })
  @ApiOkResponse({ type: PublicVacancyResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'VACANCY_NOT_FOUND (also when not live)' })
  get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: ReaderLanguageQuery,
  ): Promise<PublicVacancyResponse> {
    return this.vacancies.get(id, query.lang ?? 'en');
  }
}

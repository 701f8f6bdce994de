import { ReferenceData } from '@app/reference-data';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../access/access.decorator';
import { ErrorBody } from '../errors/error-body';
import { CompleteList } from '../openapi/pagination';
import { CountriesQuery, MemberStatesQuery } from './reference-data.requests';
import {
  CefrLevelResponse,
  CountryResponse,
  EqfLevelResponse,
  LanguageResponse,
  MemberStateResponse,
} from './reference-data.responses';

@ApiTags('reference data')
@ApiBadRequestResponse({ type: ErrorBody })
@Public()
@Controller('reference')
export class ReferenceDataController {
  constructor(private readonly reference: ReferenceData) {}

  @Get('countries')
  @CompleteList()
  @ApiOkResponse({ type: [CountryResponse], description: 'ISO 3166-1 countries with the EU-27 flag' })
  async listCountries(@Query() query: CountriesQuery): Promise<CountryResponse[]> {
    return (await this.reference.listCountries(query)).map((item) => CountryResponse.from(item));
  }

  @Get('languages')
  @CompleteList()
  @ApiOkResponse({ type: [LanguageResponse], description: 'ISO 639-1 languages' })
  async listLanguages(): Promise<LanguageResponse[]> {
    return (await this.reference.listLanguages()).map((item) => LanguageResponse.from(item));
  }

  @Get('cefr-levels')
  @CompleteList()
  @ApiOkResponse({ type: [CefrLevelResponse], description: 'CEFR levels A1–C2, in order' })
  async listCefrLevels(): Promise<CefrLevelResponse[]> {
    return (await this.reference.listCefrLevels()).map((item) => CefrLevelResponse.from(item));
  }

  @Get('eqf-levels')
  @CompleteList()
  @ApiOkResponse({ type: [EqfLevelResponse], description: 'EQF levels 1–8' })
  async listEqfLevels(): Promise<EqfLevelResponse[]> {
    return (await this.reference.listEqfLevels()).map((item) => EqfLevelResponse.from(item));
  }

  @Get('member-states')
  @CompleteList()
  @ApiOkResponse({ type: [MemberStateResponse], description: 'EU Member States and their participation' })
  async listMemberStates(@Query() query: MemberStatesQuery): Promise<MemberStateResponse[]> {
    return (await this.reference.listMemberStates(query)).map((item) => MemberStateResponse.from(item));
  }
}

import { TaxonomyLookup, TaxonomyNotImportedError, TaxonomySearch } from '@app/taxonomy';
import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../access/access.decorator';
import { ErrorBody } from '../errors/error-body';
import { CompleteList } from '../openapi/pagination';
import {
  IscoTreeQuery,
  OccupationSearchQuery,
  OccupationUriQuery,
  SkillSearchQuery,
  SkillUriQuery,
} from './taxonomy.requests';
import {
  ConceptSearchResponse,
  IscoGroupResponse,
  OccupationResponse,
  OccupationSkillsResponse,
  SkillResponse,
  TaxonomyVersionResponse,
} from './taxonomy.responses';

@ApiTags('taxonomy')
@ApiBadRequestResponse({ type: ErrorBody })
@Public()
@Controller('taxonomy')
export class TaxonomyController {
  constructor(
    private readonly lookup: TaxonomyLookup,
    private readonly search: TaxonomySearch,
  ) {}

  @Get('occupations')
  @ApiOperation({ summary: 'Autocomplete ESCO occupations in English, French or Spanish' })
  @ApiOkResponse({ type: ConceptSearchResponse })
  async searchOccupations(@Query() query: OccupationSearchQuery): Promise<ConceptSearchResponse> {
    const page = await this.search.searchOccupations({ ...query, language: query.lang });
    return ConceptSearchResponse.from(page);
  }

  @Get('occupations/by-uri')
  @ApiOperation({ summary: 'An ESCO occupation by its URI' })
  @ApiOkResponse({ type: OccupationResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  async getOccupation(@Query() query: OccupationUriQuery): Promise<OccupationResponse> {
    return OccupationResponse.from(await this.lookup.getOccupation(query.uri), query.lang);
  }

  @Get('occupations/skills')
  @ApiOperation({ summary: "An occupation's essential and optional skills" })
  @ApiOkResponse({ type: OccupationSkillsResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  async getOccupationSkills(@Query() query: OccupationUriQuery): Promise<OccupationSkillsResponse> {
    return OccupationSkillsResponse.from(await this.lookup.getOccupationSkills(query.uri), query.lang);
  }

  @Get('skills')
  @ApiOperation({ summary: 'Autocomplete ESCO skills in English, French or Spanish' })
  @ApiOkResponse({ type: ConceptSearchResponse })
  async searchSkills(@Query() query: SkillSearchQuery): Promise<ConceptSearchResponse> {
    const page = await this.search.searchSkills({ ...query, language: query.lang });
    return ConceptSearchResponse.from(page);
  }

  @Get('skills/by-uri')
  @ApiOperation({ summary: 'An ESCO skill by its URI' })
  @ApiOkResponse({ type: SkillResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  async getSkill(@Query() query: SkillUriQuery): Promise<SkillResponse> {
    return SkillResponse.from(await this.lookup.getSkill(query.uri), query.lang);
  }

  @Get('isco-groups')
  @CompleteList()
  @ApiOperation({ summary: 'The ISCO-08 group tree, whole or below one group' })
  @ApiOkResponse({ type: [IscoGroupResponse] })
  @ApiNotFoundResponse({ type: ErrorBody })
  async getIscoTree(@Query() query: IscoTreeQuery): Promise<IscoGroupResponse[]> {
    const roots = await this.lookup.getIscoTree(query.code);
    return roots.map((root) => IscoGroupResponse.from(root, query.lang));
  }

  @Get('version')
  @ApiOperation({ summary: 'The ESCO release in use, with its attribution' })
  @ApiOkResponse({ type: TaxonomyVersionResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  async getVersion(): Promise<TaxonomyVersionResponse> {
    const version = await this.lookup.currentVersion();
    if (!version) throw new TaxonomyNotImportedError();
    return TaxonomyVersionResponse.from(version);
  }
}

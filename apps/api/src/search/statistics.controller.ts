import { SupplyStatistics, type StatisticsView } from '@app/discovery';
import { labelLanguageFor, TaxonomyLookup, type ConceptLabel } from '@app/taxonomy';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../access/access.decorator';
import { CandidateStatisticsRequest, StatisticsTopRequest } from './statistics.request';
import { CandidateStatisticsResponse, VacancyStatisticsResponse } from './search.responses';

const PUBLIC_NOTE =
  'Statistical disclosure control (threshold rule with conventional rounding): groups and categories ' +
  'with fewer than 10 members are left out, key and all, and every figure, totals included, is ' +
  'rounded to the nearest multiple of 10, so that no small group can be singled out, not even by ' +
  'subtracting published figures from one another. Administrators see exact figures.';

@ApiTags('statistics')
@Controller()
export class StatisticsController {
  constructor(
    private readonly statistics: SupplyStatistics,
    private readonly taxonomy: TaxonomyLookup,
  ) {}

  @Public()
  @Get('statistics/candidates')
  @ApiOperation({ summary: 'Searchable candidates by occupation or sector', description: PUBLIC_NOTE })
  @ApiOkResponse({ type: CandidateStatisticsResponse })
  publicCandidates(@Query() query: CandidateStatisticsRequest): Promise<CandidateStatisticsResponse> {
    return this.candidates('public', query);
  }

  @Public()
  @Get('statistics/vacancies')
  @ApiOperation({ summary: 'Open vacancies by occupation and Member State', description: PUBLIC_NOTE })
  @ApiOkResponse({ type: VacancyStatisticsResponse })
  publicVacancies(@Query() query: StatisticsTopRequest): Promise<VacancyStatisticsResponse> {
    return this.vacancies('public', query);
  }

  @Roles('admin')
  @Get('admin/statistics/candidates')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Searchable candidates by occupation or sector, nothing withheld' })
  @ApiOkResponse({ type: CandidateStatisticsResponse })
  adminCandidates(@Query() query: CandidateStatisticsRequest): Promise<CandidateStatisticsResponse> {
    return this.candidates('admin', query);
  }

  @Roles('admin')
  @Get('admin/statistics/vacancies')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Open vacancies by occupation and Member State, nothing withheld' })
  @ApiOkResponse({ type: VacancyStatisticsResponse })
  adminVacancies(@Query() query: StatisticsTopRequest): Promise<VacancyStatisticsResponse> {
    return this.vacancies('admin', query);
  }

  /** Occupation groups carry their label in the reader's language (ar reads en), and its real language. */
  private async candidates(view: StatisticsView, query: CandidateStatisticsRequest) {
    const statistics = await this.statistics.candidates(view, query.groupBy ?? 'occupation', query.top ?? 20);
    if (statistics.groupBy !== 'occupation') return statistics;
    const labels = await this.taxonomy.labelsOf(
      statistics.groups.map((group) => group.key),
      labelLanguageFor(query.lang ?? 'en'),
    );
    return {
      ...statistics,
      groups: statistics.groups.map((group) => ({ ...group, ...labelled(labels.get(group.key)) })),
    };
  }

  private async vacancies(view: StatisticsView, query: StatisticsTopRequest) {
    const statistics = await this.statistics.vacancies(view, query.top ?? 20);
    const labels = await this.taxonomy.labelsOf(
      statistics.occupations.map((occupation) => occupation.occupationUri),
      labelLanguageFor(query.lang ?? 'en'),
    );
    return {
      ...statistics,
      occupations: statistics.occupations.map((occupation) => ({
        ...occupation,
        ...labelled(labels.get(occupation.occupationUri)),
      })),
    };
  }
}

function labelled(label: ConceptLabel | undefined): { label: string | null; labelLanguage: string | null } {
  return { label: label?.label ?? null, labelLanguage: label?.language ?? null };
}

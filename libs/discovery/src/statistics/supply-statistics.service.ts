import { CANDIDATES_INDEX } from '@app/candidates';
import { MEILI_CLIENT, SearchIndexes } from '@app/search';
import { VACANCIES_INDEX } from '@app/vacancies';
import { Inject, Injectable } from '@nestjs/common';
import type { Meilisearch, MultiSearchQuery } from 'meilisearch';
import { engineCall } from '../engine-call';
import { nowSeconds, quote } from '../filter';
import { openVacancies } from '../jobs/job-query';
import { searchableCandidates } from '../talent/talent-query';
import {
  cell,
  cells,
  isPublished,
  ROUNDING_BASE,
  SUPPRESSION_THRESHOLD,
  type StatisticsView,
} from './suppression';
import {
  AVAILABILITY_BUCKETS,
  type AvailabilityBucket,
  type CandidateGrouping,
  type CandidateStatistics,
  type VacancyStatistics,
} from './supply-statistics.types';

const GROUP_ATTRIBUTE: Record<CandidateGrouping, string> = {
  occupation: 'occupationUris',
  sector: 'sectors',
};
const DAY = 86_400;

type Facets = Record<string, Record<string, number>>;
interface Counted {
  totalHits: number;
  facets: Facets;
}

/**
 * Supply and demand figures computed by the search engine over the same indexes and base filters
 * as search, so a figure and the matching search agree.
 */
@Injectable()
export class SupplyStatistics {
  constructor(
    @Inject(MEILI_CLIENT) private readonly client: Meilisearch,
    private readonly indexes: SearchIndexes,
  ) {}

  async candidates(
    view: StatisticsView,
    groupBy: CandidateGrouping,
    limit: number,
  ): Promise<CandidateStatistics> {
    const now = new Date();
    const base = searchableCandidates(now);
    const group = GROUP_ATTRIBUTE[groupBy];
    const availability = availabilityFilters(now);
    const [overall, ...byAvailability] = await this.count(CANDIDATES_INDEX, [
      { filter: [base], facets: [group, 'residenceCountry', 'languageLevels'] },
      ...AVAILABILITY_BUCKETS.map((bucket) => ({ filter: [base, availability[bucket]], facets: [group] })),
    ]);
    const top = topKeys(overall.facets[group], limit, view);
    const groups = await this.count(
      CANDIDATES_INDEX,
      top.map((key) => ({
        filter: [base, `${group} = ${quote(key)}`],
        facets: ['residenceCountry', 'languageLevels'],
      })),
    );
    const availabilityOf = (key: string | null) =>
      cells(
        Object.fromEntries(
          AVAILABILITY_BUCKETS.map((bucket, i) => [
            bucket,
            key === null ? byAvailability[i].totalHits : (byAvailability[i].facets[group]?.[key] ?? 0),
          ]),
        ),
        view,
      ) as Partial<Record<AvailabilityBucket, number>>;
    return {
      ...published(view),
      groupBy,
      count: cell(overall.totalHits, view),
      byResidenceCountry: cells(overall.facets.residenceCountry, view),
      byLanguageLevel: cells(overall.facets.languageLevels, view),
      byAvailability: availabilityOf(null),
      groups: top.map((key, i) => ({
        key,
        count: cell(groups[i].totalHits, view),
        byResidenceCountry: cells(groups[i].facets.residenceCountry, view),
        byLanguageLevel: cells(groups[i].facets.languageLevels, view),
        byAvailability: availabilityOf(key),
      })),
    };
  }

  async vacancies(view: StatisticsView, limit: number): Promise<VacancyStatistics> {
    const base = openVacancies(new Date());
    const [overall] = await this.count(VACANCIES_INDEX, [
      { filter: [base], facets: ['occupationUri', 'memberState', 'sector'] },
    ]);
    const top = topKeys(overall.facets.occupationUri, limit, view);
    const occupations = await this.count(
      VACANCIES_INDEX,
      top.map((uri) => ({ filter: [base, `occupationUri = ${quote(uri)}`], facets: ['memberState'] })),
    );
    return {
      ...published(view),
      count: cell(overall.totalHits, view),
      byMemberState: cells(overall.facets.memberState, view),
      bySector: cells(overall.facets.sector, view),
      occupations: top.map((occupationUri, i) => ({
        occupationUri,
        count: cell(occupations[i].totalHits, view),
        byMemberState: cells(occupations[i].facets.memberState, view),
      })),
    };
  }

  /** Exact totals and facet distributions of several filters in one round trip. */
  private async count(index: string, queries: { filter: string[]; facets: string[] }[]): Promise<Counted[]> {
    if (queries.length === 0) return [];
    const indexUid = this.indexes.uid(index);
    const response = await engineCall(() =>
      this.client.multiSearch({
        queries: queries.map((query): MultiSearchQuery => ({
          indexUid,
          q: '',
          ...query,
          page: 1,
          hitsPerPage: 0,
        })),
      }),
    );
    return response.results.map((result) => ({
      totalHits: 'totalHits' in result ? (result.totalHits ?? 0) : 0,
      facets: result.facetDistribution ?? {},
    }));
  }
}

function availabilityFilters(now: Date): Record<AvailabilityBucket, string> {
  const today = nowSeconds(now);
  const soon = today + 90 * DAY;
  return {
    now: `availableFromTimestamp <= ${today}`,
    within3Months: `availableFromTimestamp > ${today} AND availableFromTimestamp <= ${soon}`,
    later: `availableFromTimestamp > ${soon}`,
    unspecified: 'availableFromTimestamp IS NULL',
  };
}

/** The largest groups; in the public view only those large enough to be published at all. */
function topKeys(
  distribution: Record<string, number> | undefined,
  limit: number,
  view: StatisticsView,
): string[] {
  return Object.entries(distribution ?? {})
    .filter(([, count]) => isPublished(count, view))
    .sort(([ka, a], [kb, b]) => b - a || ka.localeCompare(kb))
    .slice(0, limit)
    .map(([key]) => key);
}

function published(view: StatisticsView) {
  return {
    view,
    suppressedBelow: view === 'public' ? SUPPRESSION_THRESHOLD : null,
    roundedTo: view === 'public' ? ROUNDING_BASE : null,
    generatedAt: new Date().toISOString(),
  };
}

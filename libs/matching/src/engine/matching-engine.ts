import type { OccupationScope } from '@app/queue';
import type { FeatureLoader } from '../store/feature-loader';

/**
 * What the matching jobs ask of the engine, whether it holds the whole pool (`Matcher`) or
 * coordinates shards that each hold part of it (`ShardedMatcher`). The scopes of a policy change
 * resolve to the vacancies or candidates they touch the same way in both.
 */
export abstract class MatchingEngine {
  protected abstract readonly loader: FeatureLoader;

  abstract matchVacancyBatch(vacancyIds: readonly string[]): Promise<unknown[]>;
  abstract matchCandidateBatch(candidateIds: readonly string[]): Promise<unknown[]>;
  abstract refreshAll(): Promise<unknown>;

  async matchVacancy(vacancyId: string): Promise<unknown> {
    const [outcome] = await this.matchVacancyBatch([vacancyId]);
    return outcome;
  }

  async matchCandidate(candidateId: string): Promise<unknown> {
    const [outcome] = await this.matchCandidateBatch([candidateId]);
    return outcome;
  }

  async matchEmployer(organisationId: string): Promise<{ vacancies: number }> {
    return this.matchVacancies(await this.loader.vacancyIdsWhere({ organisationId }));
  }

  async matchMemberState(memberState: string): Promise<{ vacancies: number }> {
    return this.matchVacancies(await this.loader.vacancyIdsWhere({ memberState }));
  }

  /** The vacancies a shortage-list change touches, and nothing else. */
  async matchOccupations(scope: OccupationScope): Promise<{ vacancies: number }> {
    return this.matchVacancies(await this.loader.vacancyIdsOfOccupations(scope));
  }

  async matchCountry(countryCode: string): Promise<{ candidates: number }> {
    const ids = await this.loader.candidateIdsByCountry(countryCode.toUpperCase());
    await this.matchCandidateBatch(ids);
    return { candidates: ids.length };
  }

  private async matchVacancies(ids: string[]): Promise<{ vacancies: number }> {
    await this.matchVacancyBatch(ids);
    return { vacancies: ids.length };
  }
}

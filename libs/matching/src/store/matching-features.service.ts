import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { normaliseWeights } from '../scoring/factors';
import type { ScoringModel } from '../scoring/score';
import { SkillSpace } from '../scoring/skill-space';
import { FeatureLoader, type LoadedCandidate, type LoadedVacancy, type Version } from './feature-loader';
import { FeatureStore } from './feature-store';
import { candidateShard } from '../sharding/candidate-shard';

const PAGE = 5_000;
/** Rows committed by transactions that started before the last sync carry an older updated_at. */
const OVERLAP_MS = 60_000;

/**
 * The worker's in-memory feature store: loaded once (and again when a new taxonomy version changes
 * the ESCO proximity map), then kept fresh by re-reading what changed before every use, so several
 * workers each converge on what Postgres says.
 */
@Injectable()
export class MatchingFeatures {
  private readonly logger = new Logger(MatchingFeatures.name);
  private store?: FeatureStore;
  private version = '';
  private loading?: Promise<FeatureStore>;
  private candidatesSince = new Date(0);
  /** The version of each candidate the last sync saw, to skip re-reading it. */
  private candidateVersions = new Map<string, string>();
  private vacanciesSince = new Date(0);
  /** The version of each vacancy the last sync saw, likewise. */
  private vacancyVersions = new Map<string, string>();
  /** Whether a candidate belongs to the shards this worker serves (all of them when not sharded). */
  readonly holds: (candidateId: string) => boolean;

  constructor(
    private readonly loader: FeatureLoader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const { count, served } = config.matching.shards;
    const shards = new Set(served);
    this.holds = count <= 1 ? () => true : (id) => shards.has(candidateShard(id, count));
  }

  /** The store, brought up to date with Postgres. */
  async current(): Promise<FeatureStore> {
    const version = await this.loader.taxonomyVersion();
    if (!this.store || version !== this.version) {
      this.loading ??= this.load(version).finally(() => (this.loading = undefined));
      return this.loading;
    }
    await this.sync(this.store);
    return this.store;
  }

  /**
   * A store freshly loaded from Postgres, apart from the worker's own: what matching would compute
   * from the data as it is now (the consistency check compares the match tables with it).
   */
  async snapshot(): Promise<FeatureStore> {
    return this.build(() => true);
  }

  /** Re-reads these candidates now (the ones a job is about), whatever the watermark says. */
  async refreshCandidates(store: FeatureStore, ids: readonly string[]): Promise<void> {
    const loaded = await this.loader.candidatesByIds(ids);
    const found = new Set(loaded.map((candidate) => candidate.input.id));
    for (const id of ids) if (!found.has(id)) store.removeCandidate(id);
    for (const candidate of loaded) if (this.holds(candidate.input.id)) putCandidate(store, candidate);
  }

  async refreshVacancies(store: FeatureStore, ids: readonly string[]): Promise<void> {
    const loaded = await this.loader.vacanciesByIds(ids);
    const found = new Set(loaded.map((vacancy) => vacancy.input.id));
    for (const id of ids) if (!found.has(id)) store.removeVacancy(id);
    for (const vacancy of loaded) putVacancy(store, vacancy);
  }

  model(space: SkillSpace): ScoringModel {
    const matching = this.config.matching;
    return {
      weights: normaliseWeights(matching.weights),
      proximity: matching.proximityCredits,
      languageMode: matching.languageMode,
      space,
    };
  }

  private async load(version: string): Promise<FeatureStore> {
    const started = Date.now();
    const syncedAt = new Date(Date.now() - OVERLAP_MS);
    const store = await this.build(this.holds);
    this.candidateVersions = new Map();
    this.vacancyVersions = new Map();
    this.candidatesSince = syncedAt;
    this.vacanciesSince = syncedAt;
    this.store = store;
    this.version = version;
    this.logger.log(
      `Matching features loaded in ${Date.now() - started} ms: ${store.candidateCount} candidates, ` +
        `${store.vacancyCount} vacancies, taxonomy ${version || '(none)'}`,
    );
    return store;
  }

  /** A store of every published vacancy and of the candidates `holds` accepts. */
  private async build(holds: (candidateId: string) => boolean): Promise<FeatureStore> {
    const store = new FeatureStore(this.model(new SkillSpace(await this.loader.skillEdges())));
    store.facts = await this.loader.facts();
    for (let after: string | null = null; ;) {
      const page = await this.loader.activeCandidatesAfter(after, PAGE);
      for (const candidate of page) if (holds(candidate.input.id)) putCandidate(store, candidate);
      if (page.length < PAGE) break;
      after = page[page.length - 1].input.id;
    }
    for (const vacancy of await this.loader.publishedVacancies()) putVacancy(store, vacancy);
    return store;
  }

  private async sync(store: FeatureStore): Promise<void> {
    const syncedAt = new Date(Date.now() - OVERLAP_MS);
    const [facts, candidateVersions, vacancyVersions] = await Promise.all([
      this.loader.facts(),
      this.loader.candidateVersionsSince(this.candidatesSince),
      this.loader.vacancyVersionsSince(this.vacanciesSince),
    ]);
    // Within the overlap window the same changes come back at every sync: only the rows not read
    // yet at their current version are loaded again.
    const [candidates, vacancies] = await Promise.all([
      this.loader.candidatesByIds(
        stale(candidateVersions, this.candidateVersions).filter((id) => this.holds(id)),
      ),
      this.loader.vacanciesByIds(stale(vacancyVersions, this.vacancyVersions)),
    ]);
    store.facts = facts;
    for (const candidate of candidates) putCandidate(store, candidate);
    for (const vacancy of vacancies) putVacancy(store, vacancy);
    this.candidateVersions = versionsOf(candidateVersions);
    this.vacancyVersions = versionsOf(vacancyVersions);
    this.candidatesSince = syncedAt;
    this.vacanciesSince = syncedAt;
  }
}

/** The ids among `versions` that `seen` does not hold at that version. */
function stale(versions: readonly Version[], seen: ReadonlyMap<string, string>): string[] {
  return versions.filter(({ id, version }) => seen.get(id) !== version).map(({ id }) => id);
}

function versionsOf(versions: readonly Version[]): Map<string, string> {
  return new Map(versions.map(({ id, version }) => [id, version]));
}

function putCandidate(store: FeatureStore, candidate: LoadedCandidate): void {
  if (candidate.gate.status === 'active' && candidate.gate.availability === 'available')
    store.putCandidate(candidate.input, candidate.gate);
  else store.removeCandidate(candidate.input.id);
}

function putVacancy(store: FeatureStore, vacancy: LoadedVacancy): void {
  if (vacancy.gate.status === 'published') store.putVacancy(vacancy.input, vacancy.gate);
  else store.removeVacancy(vacancy.input.id);
}

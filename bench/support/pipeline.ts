import { CANDIDATES_INDEX, CandidateIndexer, CandidatesModule } from '@app/candidates';
import { ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule, redisOptionsFromUrl, type QueueName } from '@app/queue';
import { ReferenceDataModule, ReferenceDataSeeder } from '@app/reference-data';
import { MEILI_CLIENT, SearchIndexes } from '@app/search';
import { ShortageOccupationsModule, ShortageSeeder } from '@app/shortage-occupations';
import { shippedEscoFolder, TaxonomyImporter, TaxonomyModule } from '@app/taxonomy';
import { VacanciesSearchModule, VacancyIndexer } from '@app/vacancies';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import type { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { loadCatalogue } from '../synthetic/catalogue';
import {
  generateCandidates,
  generateEmployers,
  generateVacancies,
  type SyntheticCandidate,
} from '../synthetic/generate';
import { insertCandidates, insertEmployers, insertVacancies } from '../synthetic/load';
import { timed } from './measure';

/** Profiles a lag sampler asks the engine about in one request. */
const CODES_PER_REQUEST = 200;

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    QueueModule,
    TaxonomyModule,
    ReferenceDataModule,
    ShortageOccupationsModule,
    CandidatesModule,
    VacanciesSearchModule,
  ],
})
class PipelineBenchModule {}

/** The product's services in the benchmark process: seeding, indexing and the candidates' write path. */
export function createBenchContext(): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(PipelineBenchModule, { logger: ['error', 'warn'] });
}

/**
 * Seeds reference data, ESCO and synthetic candidates, employers and vacancies in bulk, then builds
 * both indexes through the product's rebuild path. Returns the generated candidates.
 */
export async function seedPipelineData(
  context: INestApplicationContext,
  options: { candidates: number; vacancies: number; seed: number; status?: SyntheticCandidate['status'] },
): Promise<SyntheticCandidate[]> {
  const dataSource = context.get<DataSource>(getDataSourceToken());
  await timed('reference data + shortage seed', async () => {
    await context.get(ReferenceDataSeeder).seed();
    await context.get(ShortageSeeder).seed();
  });
  await timed('ESCO import', () => context.get(TaxonomyImporter).import(shippedEscoFolder()));
  const catalogue = await loadCatalogue(dataSource);
  const candidates = generateCandidates(catalogue, { count: options.candidates, seed: options.seed }).map(
    (candidate) =>
      options.status === 'draft'
        ? { ...candidate, status: 'draft' as const, activatedAt: null, expiresAt: null }
        : candidate,
  );
  const employers = generateEmployers(catalogue, {
    count: Math.max(1, Math.ceil(options.vacancies / 20)),
    seed: options.seed,
  });
  const vacancies = generateVacancies(catalogue, employers, { count: options.vacancies, seed: options.seed });
  await timed(`Postgres bulk insert, ${options.candidates} candidates`, () =>
    insertCandidates(dataSource, candidates),
  );
  await timed(`Postgres bulk insert, ${options.vacancies} vacancies`, async () => {
    await insertEmployers(dataSource, employers);
    await insertVacancies(dataSource, vacancies);
  });
  await dataSource.query('ANALYZE');
  await timed('candidates index (rebuild + swap)', () => context.get(CandidateIndexer).rebuild());
  await timed('vacancies index (rebuild + swap)', () => context.get(VacancyIndexer).rebuild());
  return candidates;
}

/** Reads the pipeline's state: the outbox, the queues and the candidates index. */
export class PipelineProbe {
  private readonly queues: Queue[];
  private readonly dataSource: DataSource;
  private readonly client: Meilisearch;
  readonly candidatesUid: string;

  constructor(context: INestApplicationContext, config: AppConfig, names: readonly QueueName[]) {
    const connection = redisOptionsFromUrl(config.redis.url);
    this.queues = names.map((name) => new Queue(name, { connection, prefix: config.queue.prefix }));
    this.dataSource = context.get<DataSource>(getDataSourceToken());
    this.client = context.get<Meilisearch>(MEILI_CLIENT);
    this.candidatesUid = context.get(SearchIndexes).uid(CANDIDATES_INDEX);
  }

  /** Whether every queue has a worker connected. */
  async workersConnected(): Promise<boolean> {
    const counts = await Promise.all(this.queues.map((queue) => queue.getWorkersCount()));
    return counts.every((count) => count > 0);
  }

  /**
   * Messages not yet relayed plus jobs waiting, running or delayed for a retry, in every probed
   * queue or only in `only` (a job completes once its engine write has settled).
   */
  async backlog(only?: QueueName): Promise<number> {
    const [{ pending }] = await this.dataSource.query<{ pending: number }[]>(
      'SELECT count(*)::int AS pending FROM outbox_messages WHERE relayed_at IS NULL',
    );
    let jobs = 0;
    for (const queue of this.queues.filter((probed) => !only || probed.name === only)) {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      jobs += Object.values(counts).reduce((sum, count) => sum + count, 0);
      // A job scheduler always keeps its next run delayed; only retries are pending work.
      jobs += (await queue.getDelayed()).filter((job) => !job.repeatJobKey).length;
    }
    return pending + jobs;
  }

  /**
   * Whether the worker's first pass is over: nothing pending in the probed queues or the outbox, and
   * no engine task waiting (a first start builds the taxonomy indexes, which holds every later write).
   */
  async settled(): Promise<boolean> {
    if ((await this.backlog()) > 0) return false;
    const tasks = await this.client.tasks.getTasks({ statuses: ['enqueued', 'processing'], limit: 1 });
    return tasks.total === 0;
  }

  async candidateDocuments(): Promise<number> {
    return (await this.client.index(this.candidatesUid).getStats()).numberOfDocuments;
  }

  /** Which of these profiles are in the candidates index, asked in one request per page of codes. */
  async searchable(referenceCodes: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let at = 0; at < referenceCodes.length; at += CODES_PER_REQUEST) {
      const ids = referenceCodes.slice(at, at + CODES_PER_REQUEST);
      const page = await this.client
        .index(this.candidatesUid)
        .getDocuments<{ referenceCode: string }>({ ids, fields: ['referenceCode'], limit: ids.length });
      for (const document of page.results) found.add(document.referenceCode);
    }
    return found;
  }

  async close(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}

/**
 * Polls `referenceCode`s until each is in the candidates index and records the seconds from its
 * start (the moment its write committed) to the first poll that found it. Stopped once the index
 * work is drained, it makes one last pass: what is still missing then is a profile the product
 * does not make searchable (a synthetic candidate who is not eligible), counted apart.
 */
export class LagSampler {
  private readonly pending = new Map<string, number>();
  readonly lagsMs: number[] = [];
  private running = true;
  /** Tracked profiles that were never found (not searchable by the product's rules). */
  notSearchable = 0;
  private readonly loop: Promise<void>;

  constructor(private readonly probe: PipelineProbe) {
    this.loop = this.run();
  }

  track(referenceCode: string, committedAt: number): void {
    this.pending.set(referenceCode, committedAt);
  }

  get outstanding(): number {
    return this.pending.size;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.poll();
    this.notSearchable += this.pending.size;
    this.pending.clear();
  }

  private async run(): Promise<void> {
    while (this.running) {
      await this.poll();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async poll(): Promise<void> {
    const found = await this.probe.searchable([...this.pending.keys()]);
    const now = performance.now();
    for (const code of found) {
      this.lagsMs.push(now - this.pending.get(code)!);
      this.pending.delete(code);
    }
  }
}

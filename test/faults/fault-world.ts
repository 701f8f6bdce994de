import { APP_CONFIG, loadConfig, type AppConfig } from '@app/config';
import { ConsistencyChecker, type ConsistencyReport } from '@app/consistency';
import { redisOptionsFromUrl, type QueueName } from '@app/queue';
import { TaxonomyIndexer } from '@app/taxonomy';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import Redis from 'ioredis';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { CandidateFactory, type RegisteredCandidate } from '../factories/candidate.factory';
import type { RegisteredEmployer } from '../factories/employer.factory';
import { VacancyFactory } from '../factories/vacancy.factory';
import { drainQueues } from '../utils/drain';
import { resetWithVerifiedEmployer } from '../utils/world';

export const ALL_QUEUES: readonly QueueName[] = [
  'maintenance',
  'search-indexing',
  'mail',
  'candidates',
  'vacancies',
  'matching',
];

/** Kinds of drift with a count above zero: `{}` when Postgres, the indexes and the matches agree. */
export function driftOf(report: ConsistencyReport): Record<string, number> {
  return Object.fromEntries(
    report.kinds.filter((kind) => kind.count > 0).map((kind) => [kind.kind, kind.count]),
  );
}

export function configWith(overrides: Record<string, string>): AppConfig {
  return loadConfig({ ...process.env, ...overrides });
}

export async function startWorker(config?: AppConfig): Promise<TestingModule> {
  let builder = Test.createTestingModule({ imports: [WorkerModule] });
  if (config) builder = builder.overrideProvider(APP_CONFIG).useValue(config);
  const worker = await builder.compile();
  await worker.init();
  return worker;
}

export interface FaultWorld {
  employer: RegisteredEmployer;
  candidates: RegisteredCandidate[];
  vacancies: string[];
  drafts: string[];
}

/**
 * The data every fault spec starts from: a verified employer with published vacancies and drafts,
 * and active candidates, all through the real API; the taxonomy indexes built.
 */
export async function buildWorld(
  sut: NestExpressApplication,
  sizes: { candidates: number; vacancies: number; drafts: number },
): Promise<FaultWorld> {
  const { employer } = await resetWithVerifiedEmployer(sut);
  const factory = new CandidateFactory(sut);
  const candidates: RegisteredCandidate[] = [];
  for (let i = 0; i < sizes.candidates; i++) candidates.push(await factory.active());
  const vacancyFactory = new VacancyFactory(sut);
  const vacancies: string[] = [];
  for (let i = 0; i < sizes.vacancies; i++) vacancies.push(await vacancyFactory.published(employer));
  const drafts: string[] = [];
  for (let i = 0; i < sizes.drafts; i++) drafts.push(await vacancyFactory.draft(employer));
  return { employer, candidates, vacancies, drafts };
}

/** Brings a worker's view to a clean start: taxonomy indexes built, leftovers of earlier specs repaired, all drained. */
export async function settleWorld(worker: TestingModule): Promise<void> {
  await worker.get(TaxonomyIndexer).rebuild();
  await drainQueues(worker, ALL_QUEUES);
  await worker.get(ConsistencyChecker).check({ repair: true });
  await drainQueues(worker, ALL_QUEUES);
}

/** Deletes every key of this config's queue prefix: only this run's data, never other runs' on the shared Redis. */
export async function deleteQueueKeys(config: AppConfig): Promise<number> {
  const redis = new Redis(redisOptionsFromUrl(config.redis.url));
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.queue.prefix}:*`, 'COUNT', 1000);
      if (keys.length) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

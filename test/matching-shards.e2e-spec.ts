import { APP_CONFIG, loadConfig, type AppConfig } from '@app/config';
import { candidateShard, MatchingFeatures } from '@app/matching';
import { JobProducer, shardQueueName, ShardQueues, type JobRequest } from '@app/queue';
import { ShortageSeeder } from '@app/shortage-occupations';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { AccountFactory } from './factories/account.factory';
import { CandidateFactory, ESCO, seedCandidateFixtures } from './factories/candidate.factory';
import type { SignedInAccount } from './factories/account.factory';
import { EmployerFactory, type RegisteredEmployer } from './factories/employer.factory';
import { VacancyFactory } from './factories/vacancy.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { truncateAll } from './utils/database';
import { DRAIN_DEADLINE_MS, SETUP_TIMEOUT_MS } from './utils/deadlines';
import { drainQueues } from './utils/drain';
import { clearRateLimits } from './utils/rate-limits';
import { waitFor } from './utils/wait-for';

/** Small sets, so that every list is cut and the merge of the shards' lists decides who is in. */
const TOP_PER_VACANCY = 3;
const TOP_PER_CANDIDATE = 2;

describe('sharded matching', () => {
  let sut: NestExpressApplication;
  let dataSource: DataSource;
  let employer: RegisteredEmployer;
  let admin: SignedInAccount;
  const workers: TestingModule[] = [];
  const people: string[] = [];
  const vacancyIds: string[] = [];
  const http = () => request(sut.getHttpServer());

  /** A worker of this run with the given shard settings and the small set sizes. */
  async function startWorker(count: number, served: number[]): Promise<TestingModule> {
    const config = sut.get<AppConfig>(APP_CONFIG);
    const matching = {
      ...config.matching,
      topPerVacancy: TOP_PER_VACANCY,
      topPerCandidate: TOP_PER_CANDIDATE,
      shards: { count, served },
    };
    const worker = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(APP_CONFIG)
      .useValue({ ...config, matching })
      .compile();
    await worker.init();
    workers.push(worker);
    return worker;
  }

  async function stopWorkers(): Promise<void> {
    for (const worker of workers.splice(0)) await worker.close();
  }

  /**
   * Nothing left to do anywhere: the outbox, the matching queue (with flow parents waiting for
   * their shards) and both shard queues, seen empty twice in a row since work moves both ways.
   */
  async function drain(): Promise<void> {
    const matching = sut.get<Queue>(getQueueToken('matching'));
    const shards = [sut.get(ShardQueues).queue(0), sut.get(ShardQueues).queue(1)];
    let quiet = 0;
    await waitFor(
      async () => {
        await drainQueues(sut, ['matching', 'candidates', 'vacancies']);
        let busy = (await matching.getWaitingChildrenCount()) > 0;
        for (const queue of shards) {
          const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'delayed');
          busy ||= Object.values(counts).some((count) => count > 0);
        }
        quiet = busy ? 0 : quiet + 1;
        return quiet >= 2;
      },
      { timeoutMs: DRAIN_DEADLINE_MS, intervalMs: 100, what: 'matching shards to drain' },
    );
  }

  async function enqueue(...jobs: JobRequest[]): Promise<void> {
    const producer = sut.get(JobProducer);
    for (const job of jobs) await producer.queueFor(job.name).add(job.name, job.data);
    await drain();
  }

  const rows = () =>
    dataSource.query<unknown[]>(
      `SELECT vacancy_id, candidate_id, score, tie_break, explanation, in_vacancy_top, in_candidate_top
         FROM matches ORDER BY vacancy_id, candidate_id`,
    );

  /** Each vacancy's ranked list as employers read it (rank, reference code, score, explanation), less when it was computed. */
  const rankedLists = async () => {
    const lists = [];
    for (const id of vacancyIds) {
      const response = await http()
        .get(`/api/v1/vacancies/${id}/matches?lang=en&limit=100`)
        .auth(employer.user.accessToken, { type: 'bearer' })
        .expect(200);
      lists.push(
        (response.body.items as { computedAt: string }[]).map(({ computedAt, ...match }) => {
          expect(Date.parse(computedAt)).not.toBeNaN();
          return match;
        }),
      );
    }
    return lists;
  };

  /**
   * The same work through whatever workers run: each candidate's set, then each vacancy's (one at a
   * time, so sets offered to the other side meet the same floors), then a full re-match.
   */
  async function matchEverything() {
    await drain();
    await dataSource.query('DELETE FROM matches');
    await enqueue(
      ...people.map((candidateId): JobRequest => ({ name: 'matching.candidate', data: { candidateId } })),
    );
    for (const vacancyId of vacancyIds) await enqueue({ name: 'matching.vacancy', data: { vacancyId } });
    const targeted = { rows: await rows(), lists: await rankedLists() };
    await enqueue({ name: 'matching.refresh', data: { reason: 'sharding spec' } });
    return { targeted, refreshed: { rows: await rows(), lists: await rankedLists() } };
  }

  beforeAll(async () => {
    // The API knows matching is sharded in two (its failed-jobs listing reads the shard queues).
    sut = await createApiApp({
      override: (builder) => {
        const config = loadConfig(process.env);
        return builder
          .overrideProvider(APP_CONFIG)
          .useValue({ ...config, matching: { ...config.matching, shards: { count: 2, served: [0, 1] } } });
      },
    });
    dataSource = sut.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    await seedCandidateFixtures(sut);
    await sut.get(ShortageSeeder).seed();
    const accounts = new AccountFactory(sut);
    const candidates = new CandidateFactory(sut);
    admin = await accounts.admin();
    employer = await new EmployerFactory(sut, accounts).verified(await accounts.ncp(admin, 'NL'));
    // Eight equals (their order is the pair's tie value alone) and a few who differ.
    const profiles = [
      ...Array.from({ length: 8 }, () => ({})),
      { languages: [{ code: 'fr', cefr: 'A2' }] },
      { skills: [{ uri: ESCO.weldMetal }] },
      { occupations: [{ uri: ESCO.welder, yearsOfExperience: 1 }] },
      { preferredMemberStates: ['FR'] },
    ];
    for (const profile of profiles) {
      const candidate = await candidates.active();
      await http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send(candidates.profile(profile))
        .expect(200);
      people.push(candidate.candidateId);
    }
    const vacancies = new VacancyFactory(sut);
    const preferred = [{ code: 'fr', minCefr: 'B1', requirement: 'preferred' }];
    for (const overrides of [{}, { languages: [] }, { minExperienceYears: 8 }, { minEqfLevel: 5 }])
      vacancyIds.push(await vacancies.published(employer, { languages: preferred, ...overrides }));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await stopWorkers();
    await closeApp(sut);
  });

  it('gives with two shards exactly the stored matches and ranked lists of one', async () => {
    const shardOf = (id: string) => candidateShard(id, 2);
    // Both shards hold candidates, so the merge has two lists to interleave.
    expect(new Set(people.map(shardOf)).size).toBe(2);

    await startWorker(1, [0]);
    const unsharded = await matchEverything();
    await stopWorkers();

    const [first, second] = [await startWorker(2, [0]), await startWorker(2, [1])];
    const sharded = await matchEverything();
    // Each shard's worker holds its own candidates and nobody else's; together, everyone.
    const held = async (worker: TestingModule) =>
      (await worker.get(MatchingFeatures).current()).candidateIds();
    const [firstHeld, secondHeld] = [await held(first), await held(second)];
    expect(firstHeld.length).toBeGreaterThan(0);
    expect(secondHeld.length).toBeGreaterThan(0);
    expect(firstHeld.every((id) => shardOf(id) === 0)).toBe(true);
    expect(secondHeld.every((id) => shardOf(id) === 1)).toBe(true);
    expect([...firstHeld, ...secondHeld].sort()).toEqual([...people].sort());
    await stopWorkers();

    await startWorker(2, [0, 1]);
    const bothShardsInOneWorker = await matchEverything();

    const { rows: stored } = unsharded.refreshed;
    expect(stored.length).toBeGreaterThan(vacancyIds.length * TOP_PER_VACANCY - 1);
    // The sets are cut: some candidates are in no vacancy's set, and every set is full.
    const inVacancyTop = (stored as { candidate_id: string; in_vacancy_top: boolean }[]).filter(
      (row) => row.in_vacancy_top,
    );
    expect(inVacancyTop).toHaveLength(vacancyIds.length * TOP_PER_VACANCY);
    expect(new Set(inVacancyTop.map((row) => row.candidate_id)).size).toBeLessThan(people.length);
    expect(unsharded.targeted.lists.every((list: unknown[]) => list.length > 0)).toBe(true);

    expect(sharded.targeted).toEqual(unsharded.targeted);
    expect(sharded.refreshed).toEqual(unsharded.refreshed);
    expect(bothShardsInOneWorker).toEqual(unsharded);
  });

  it('lists a job that failed on a shard queue, and runs it again when an administrator retries it', async () => {
    await stopWorkers();
    await startWorker(2, [0, 1]);
    await drain();
    const [matched] = await dataSource.query<{ candidate_id: string }[]>(
      'SELECT candidate_id FROM matches WHERE in_candidate_top GROUP BY candidate_id ORDER BY candidate_id LIMIT 1',
    );
    expect(matched).toBeDefined();
    const candidateId = matched.candidate_id;
    const queue = shardQueueName(candidateShard(candidateId, 2));
    await dataSource.query('DELETE FROM matches WHERE candidate_id = $1', [candidateId]);
    const ownRows = async () =>
      (
        await dataSource.query<unknown[]>(
          'SELECT 1 FROM matches WHERE candidate_id = $1 AND in_candidate_top',
          [candidateId],
        )
      ).length;

    // Every write of the shard job dies until the trigger goes, so the job uses up its attempts.
    await dataSource.query(`
      CREATE OR REPLACE FUNCTION matches_crash() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'shard worker killed mid-write'; END $$`);
    await dataSource.query(
      'CREATE TRIGGER matches_crash BEFORE INSERT OR UPDATE OF explanation ON matches FOR EACH ROW EXECUTE FUNCTION matches_crash()',
    );
    type FailedJob = { queue: string; name: string; id: string; failedReason: string };
    const failedOnShard = async (): Promise<FailedJob> => {
      try {
        await enqueue({ name: 'matching.candidate', data: { candidateId } });
        return await waitFor(
          async () => {
            const response = await http()
              .get('/api/v1/admin/jobs/failed?limit=100')
              .auth(admin.accessToken, { type: 'bearer' })
              .expect(200);
            return (response.body.items as FailedJob[]).find(
              (job) => job.queue === queue && job.name === 'shard.match-candidates',
            );
          },
          { what: 'the shard job in the failed-jobs listing' },
        );
      } finally {
        await dataSource.query('DROP TRIGGER IF EXISTS matches_crash ON matches');
        await dataSource.query('DROP FUNCTION IF EXISTS matches_crash()');
      }
    };
    const failed = await failedOnShard();
    expect(failed.failedReason).toMatch(/killed mid-write/);
    expect(await ownRows()).toBe(0);

    await http()
      .post(`/api/v1/admin/jobs/failed/${failed.queue}/${failed.id}/retry`)
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(200);
    await drain();

    expect(await ownRows()).toBeGreaterThan(0);
    const after = await http()
      .get('/api/v1/admin/jobs/failed?limit=100')
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(200);
    expect(after.body.items).not.toContainEqual(expect.objectContaining({ queue, id: failed.id }));
    // A job that no longer failed, and a queue that does not exist, cannot be retried.
    const again = await http()
      .post(`/api/v1/admin/jobs/failed/${failed.queue}/${failed.id}/retry`)
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(409);
    expect(again.body.error.code).toBe('JOB_NOT_FAILED');
    const unknown = await http()
      .post(`/api/v1/admin/jobs/failed/matching-shard-7/${failed.id}/retry`)
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(404);
    expect(unknown.body.error.code).toBe('JOB_NOT_FOUND');
    await http()
      .post(`/api/v1/admin/jobs/failed/${failed.queue}/${failed.id}/retry`)
      .auth(employer.user.accessToken, { type: 'bearer' })
      .expect(403);
  });
});

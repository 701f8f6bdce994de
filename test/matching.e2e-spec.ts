import { APP_CONFIG, type AppConfig } from '@app/config';
import {
  FeatureLoader,
  Matcher,
  MatchingFeatures,
  MatchResults,
  PairExplanations,
  pairTie,
} from '@app/matching';
import { JobProducer } from '@app/queue';
import { ShortageSeeder } from '@app/shortage-occupations';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { AccountFactory, type SignedInAccount } from './factories/account.factory';
import { CandidateFactory, ESCO, seedCandidateFixtures } from './factories/candidate.factory';
import { EmployerFactory, type RegisteredEmployer } from './factories/employer.factory';
import { vacancyBody } from './factories/vacancy.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { truncateAll } from './utils/database';
import { drainQueues } from './utils/drain';
import { waitFor } from './utils/wait-for';
import { clearRateLimits } from './utils/rate-limits';

describe('matching', () => {
  let sut: NestExpressApplication;
  let worker: TestingModule | undefined;
  let dataSource: DataSource;
  let accounts: AccountFactory;
  let candidates: CandidateFactory;
  let employers: EmployerFactory;
  let admin: SignedInAccount;
  let ncp: SignedInAccount;
  let employer: RegisteredEmployer;
  const http = () => request(sut.getHttpServer());
  const drain = () => drainQueues(sut, ['matching', 'candidates', 'vacancies']);

  async function startWorker(): Promise<void> {
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
  }

  async function publishedVacancy(owner: RegisteredEmployer, overrides: Record<string, unknown> = {}) {
    const created = await http()
      .post('/api/v1/vacancies')
      .auth(owner.user.accessToken, { type: 'bearer' })
      .send(vacancyBody(overrides))
      .expect(201);
    await http()
      .post(`/api/v1/vacancies/${created.body.id}/publish`)
      .auth(owner.user.accessToken, { type: 'bearer' })
      .expect(200);
    return created.body.id as string;
  }

  const matchesOf = (vacancyId: string, lang = 'en', owner = employer, query = '') =>
    http()
      .get(`/api/v1/vacancies/${vacancyId}/matches?lang=${lang}${query}`)
      .auth(owner.user.accessToken, { type: 'bearer' });

  /** Settles with null once `work` succeeds, or with its error. */
  const outcomeOf = (work: Promise<unknown>) =>
    work.then(
      () => null,
      (error: unknown) => error,
    );

  /** Waits until a session other than `except` waits for a lock on `table` (in `mode`, when given). */
  const lockAwaited = (table: string, what: string, { mode = null as string | null, except = 0 } = {}) =>
    waitFor(
      async () =>
        (
          await dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM pg_locks
              WHERE relation = $1::regclass AND NOT granted AND pid <> $2 AND ($3::text IS NULL OR mode = $3)`,
            [table, except, mode],
          )
        )[0].n > 0,
      { what },
    );

  const vacancySet = async (vacancyId: string) =>
    (
      await dataSource.query<{ candidate_id: string; score: number }[]>(
        'SELECT candidate_id, score FROM matches WHERE vacancy_id = $1 AND in_vacancy_top ORDER BY candidate_id',
        [vacancyId],
      )
    ).map((row) => row.candidate_id);

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    await seedCandidateFixtures(sut);
    await sut.get(ShortageSeeder).seed();
    accounts = new AccountFactory(sut);
    candidates = new CandidateFactory(sut);
    employers = new EmployerFactory(sut, accounts);
    admin = await accounts.admin();
    ncp = await accounts.ncp(admin, 'NL');
    employer = await employers.verified(ncp);
    await startWorker();
  });

  afterAll(async () => {
    await worker?.close();
    await closeApp(sut);
  });

  it('matches a published vacancy without any manual call, pseudonymised and explained in the reader’s language', async () => {
    const candidate = await candidates.active({ givenName: 'Youssef', familyName: 'Benali' });
    const vacancyId = await publishedVacancy(employer);
    await drain();

    const response = await matchesOf(vacancyId, 'fr').expect(200);
    expect(response.body).toMatchObject({ total: 1, limit: 20, offset: 0 });
    const [match] = response.body.items;
    expect(match).toMatchObject({ rank: 1, referenceCode: candidate.referenceCode, status: 'new' });
    expect(match.score).toBeGreaterThan(60);
    expect(match.explanation.matchedSkills).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          uri: ESCO.weldMetal,
          label: 'souder des pièces métalliques',
          relation: 'exact',
        }),
      ]),
    );
    expect(match.explanation.factors.map((factor: { factor: string }) => factor.factor)).toContain(
      'skillProximity',
    );
    const text = JSON.stringify(response.body);
    for (const secret of ['Youssef', 'Benali', candidate.candidateId, candidate.email])
      expect(text).not.toContain(secret);

    const other = await employers.verified(ncp);
    expect((await matchesOf(vacancyId, 'en', other)).status).toBe(403);

    await http()
      .put(`/api/v1/vacancies/${vacancyId}/matches/${candidate.referenceCode}/status`)
      .auth(employer.user.accessToken, { type: 'bearer' })
      .send({ status: 'shortlisted' })
      .expect(200);

    const own = await http()
      .get('/api/v1/candidates/me/matches?lang=es')
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(200);
    expect(own.body.notice).toMatch(/visa/);
    expect(own.body.items[0]).toMatchObject({ vacancyId, occupation: { label: 'soldador/soldadora' } });
    const improvements = await http()
      .get('/api/v1/candidates/me/matches/improvements')
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(200);
    expect(improvements.body.vacanciesConsidered).toBeGreaterThanOrEqual(1);
    const exported = await http()
      .get('/api/v1/candidates/me/export')
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(200);
    expect(exported.body.matches).toEqual([
      expect.objectContaining({ vacancyId, employerStatus: 'shortlisted' }),
    ]);
  });

  it('rescores a candidate whose skills change, keeping the employer’s status', async () => {
    const candidate = await candidates.active();
    const vacancyId = await publishedVacancy(employer);
    await drain();
    const before = (await matchesOf(vacancyId).expect(200)).body.items[0];
    await http()
      .put(`/api/v1/vacancies/${vacancyId}/matches/${candidate.referenceCode}/status`)
      .auth(employer.user.accessToken, { type: 'bearer' })
      .send({ status: 'seen' })
      .expect(200);

    await http()
      .patch('/api/v1/candidates/me')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ skills: [{ uri: ESCO.weldMetal }, { uri: ESCO.readBlueprints }, { uri: ESCO.patientCare }] })
      .expect(200);
    await drain();
    const after = (await matchesOf(vacancyId).expect(200)).body.items[0];
    expect(after.referenceCode).toBe(candidate.referenceCode);
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.status).toBe('seen');
  });

  it('removes the matches of a suspended employer and of candidates from a suspended country', async () => {
    const candidate = await candidates.active();
    const vacancyId = await publishedVacancy(employer);
    await drain();
    expect(await vacancySet(vacancyId)).toContain(candidate.candidateId);
    const storedForMorocco = async () =>
      (
        await dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM matches m JOIN candidates c ON c.id = m.candidate_id
            WHERE c.residence_country = 'MA' OR c.citizenships @> ARRAY['MA']::char(2)[]`,
        )
      )[0].n;
    const before = await storedForMorocco();
    expect(before).toBeGreaterThan(0);
    const today = new Date().toISOString().slice(0, 10);
    const preview = (status: string) =>
      http()
        .post('/api/v1/admin/partner-countries/MA/impact-preview')
        .auth(admin.accessToken, { type: 'bearer' })
        .send({ status, effectiveFrom: today })
        .expect(200);
    const suspension = (await preview('suspended')).body;
    expect(suspension.matches).toMatchObject({ effect: 'removed', computed: true });

    await http()
      .post('/api/v1/admin/partner-countries/MA/status')
      .auth(admin.accessToken, { type: 'bearer' })
      .send({ status: 'suspended', effectiveFrom: today, reason: 'Review' })
      .expect(200);
    await drain();
    expect(await vacancySet(vacancyId)).toEqual([]);
    expect(suspension.matches.affected).toBe(before - (await storedForMorocco()));
    expect((await preview('talent_partnership')).body.matches).toMatchObject({
      effect: 'restored',
      computed: false,
      affected: null,
      candidates: expect.any(Number),
    });
    await http()
      .post('/api/v1/admin/partner-countries/MA/status')
      .auth(admin.accessToken, { type: 'bearer' })
      .send({
        status: 'talent_partnership',
        effectiveFrom: new Date().toISOString().slice(0, 10),
        reason: 'Lifted',
      })
      .expect(200);
    await drain();
    expect(await vacancySet(vacancyId)).toContain(candidate.candidateId);

    await employers.setStatus(ncp, employer.organisationId, 'suspended').expect(200);
    await drain();
    const [{ n }] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM matches m JOIN vacancies v ON v.id = m.vacancy_id WHERE v.organisation_id = $1`,
      [employer.organisationId],
    );
    expect(n).toBe(0);
    await employers.setStatus(ncp, employer.organisationId, 'verified').expect(200);
    await drain();
    expect(await vacancySet(vacancyId)).toContain(candidate.candidateId);
  });

  it('leaves the old complete set when a worker dies mid-write, and the new complete set once restarted', async () => {
    const vacancyId = await publishedVacancy(employer);
    await drain();
    const before = await vacancySet(vacancyId);
    expect(before.length).toBeGreaterThan(0);

    // The write dies after the old set was unflagged and before the new rows land.
    await dataSource.query(`
      CREATE OR REPLACE FUNCTION matches_crash() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'worker killed mid-write'; END $$`);
    await dataSource.query(
      'CREATE TRIGGER matches_crash BEFORE INSERT OR UPDATE OF explanation ON matches FOR EACH ROW EXECUTE FUNCTION matches_crash()',
    );
    try {
      const newcomer = await candidates.active();
      await sut.get(JobProducer).enqueue('matching.vacancy', { vacancyId }, { jobId: `crash-${vacancyId}` });
      await drain();
      expect(await vacancySet(vacancyId)).toEqual(before);
      // The job's last attempt lands in the failed set a moment after its queue reads as drained.
      const failed = await waitFor(
        async () => {
          const response = await http()
            .get('/api/v1/admin/jobs/failed?limit=100')
            .auth(admin.accessToken, { type: 'bearer' })
            .expect(200);
          const jobs = response.body.items as {
            queue: string;
            name: string;
            id: string;
            failedReason: string;
          }[];
          return jobs.find((job) => job.id === `crash-${vacancyId}`);
        },
        { what: 'the killed job in the failed-jobs listing' },
      );
      expect(failed).toMatchObject({
        queue: 'matching',
        name: 'matching.vacancy',
        failedReason: expect.stringMatching(/killed/),
      });
      await worker?.close();
      worker = undefined;
      await dataSource.query('DROP TRIGGER matches_crash ON matches');
      await startWorker();
      await sut
        .get(JobProducer)
        .enqueue('matching.vacancy', { vacancyId }, { jobId: `restart-${vacancyId}` });
      await drain();
      expect(await vacancySet(vacancyId)).toEqual([...before, newcomer.candidateId].sort());
    } finally {
      await dataSource.query('DROP TRIGGER IF EXISTS matches_crash ON matches');
      await dataSource.query('DROP FUNCTION IF EXISTS matches_crash()');
    }
  });

  it('re-matches only the vacancies of the occupations a shortage-list change touches', async () => {
    await candidates.active();
    const welding = await publishedVacancy(employer);
    const nursing = await publishedVacancy(employer, { occupationUri: ESCO.nurse });
    await drain();
    const computedAt = async (vacancyId: string) =>
      (
        await dataSource.query<{ at: Date | null }[]>(
          'SELECT max(computed_at) AS at FROM matches WHERE vacancy_id = $1',
          [vacancyId],
        )
      )[0].at;
    const before = { welding: await computedAt(welding), nursing: await computedAt(nursing) };
    expect(before.welding).not.toBeNull();
    expect(before.nursing).not.toBeNull();

    // An EU-layer change, which used to recompute every set: only welders are touched.
    await http()
      .post('/api/v1/shortage-occupations/entries')
      .auth(admin.accessToken, { type: 'bearer' })
      .send({
        layer: 'eu',
        effect: 'addition',
        occupationUri: ESCO.welder,
        sectorCode: 'manufacturing',
        validFrom: '2024-01-01',
        reason: 'Welders reported in shortage',
      })
      .expect(201);
    await drain();
    expect((await computedAt(welding))!.getTime()).toBeGreaterThan(before.welding!.getTime());
    expect(await computedAt(nursing)).toEqual(before.nursing);
    const [{ n }] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE job_name IN ('vacancies.reindex', 'matching.refresh')`,
    );
    expect(n).toBe(0);
  });

  it('writes in a full re-match exactly the sets the jobs wrote, keeping employers’ statuses', async () => {
    const candidate = await candidates.active();
    const vacancyId = await publishedVacancy(employer);
    await drain();
    await http()
      .put(`/api/v1/vacancies/${vacancyId}/matches/${candidate.referenceCode}/status`)
      .auth(employer.user.accessToken, { type: 'bearer' })
      .send({ status: 'shortlisted' })
      .expect(200);
    const rows = () =>
      dataSource.query<unknown[]>(
        `SELECT vacancy_id, candidate_id, score, tie_break, explanation, in_vacancy_top, in_candidate_top
           FROM matches ORDER BY vacancy_id, candidate_id`,
      );
    // Every set recomputed by its own job first, so both sides have settled.
    const vacancies = await dataSource.query<{ id: string }[]>(
      `SELECT DISTINCT vacancy_id AS id FROM matches`,
    );
    const people = await dataSource.query<{ id: string }[]>(
      `SELECT DISTINCT candidate_id AS id FROM matches`,
    );
    const producer = sut.get(JobProducer);
    for (const { id } of vacancies)
      await producer.enqueue('matching.vacancy', { vacancyId: id }, { jobId: `settle-v-${id}` });
    await drain();
    for (const { id } of people)
      await producer.enqueue('matching.candidate', { candidateId: id }, { jobId: `settle-c-${id}` });
    await drain();
    const incremental = await rows();

    await producer.enqueue('matching.refresh', { reason: 'test' }, { jobId: `refresh-${vacancyId}` });
    await drain();
    expect(await rows()).toEqual(incremental);
    // A second replacement of the same sets reports every row written and none dropped.
    expect(await worker!.get(Matcher).refreshAll()).toMatchObject({
      written: incremental.length,
      dropped: 0,
    });
    const listed = (await matchesOf(vacancyId, 'en', employer, '&limit=100').expect(200)).body.items as {
      referenceCode: string;
      status: string;
    }[];
    expect(listed.find((match) => match.referenceCode === candidate.referenceCode)?.status).toBe(
      'shortlisted',
    );
  });

  it('swaps a full re-match in as a table with the old one’s indexes, storage options and checked foreign keys', async () => {
    const candidate = await candidates.active();
    const vacancyId = await publishedVacancy(employer);
    await drain();
    const schema = async () => ({
      indexes: await dataSource.query<unknown[]>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'matches' ORDER BY indexname`,
      ),
      constraints: await dataSource.query<unknown[]>(
        `SELECT conname, pg_get_constraintdef(oid) AS definition, convalidated FROM pg_constraint
          WHERE conrelid = 'matches'::regclass ORDER BY conname`,
      ),
      options: await dataSource.query<unknown[]>(
        `SELECT reloptions FROM pg_class WHERE oid = 'matches'::regclass`,
      ),
    });
    const before = await schema();
    expect(before.indexes.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(before.options)).toContain('autovacuum_vacuum_scale_factor');
    const count = async () =>
      (await dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM matches'))[0].n;
    const rows = await count();

    const refreshed = await worker!.get(Matcher).refreshAll();
    expect(refreshed).toMatchObject({ written: rows, dropped: 0 });
    expect(await schema()).toEqual(before);
    expect(await vacancySet(vacancyId)).toContain(candidate.candidateId);

    // A run whose staged rows are not all there (say the unlogged staging table was emptied by a
    // crash) replaces nothing.
    await expect(worker!.get(MatchResults).replaceAllStaged(randomUUID(), { staged: 1 })).rejects.toThrow(
      /0 rows staged of 1; nothing replaced/,
    );
    expect(await count()).toBe(rows);

    // The swapped-in table's foreign keys act: a deleted candidate takes its matches along.
    await dataSource.query('DELETE FROM candidates WHERE id = $1', [candidate.candidateId]);
    expect(
      await dataSource.query('SELECT 1 FROM matches WHERE candidate_id = $1', [candidate.candidateId]),
    ).toEqual([]);
  });

  it('takes full re-matches in turns, drops what a dead run left, and leaves matches as they were when a run fails', async () => {
    const candidate = await candidates.active();
    const vacancyId = await publishedVacancy(employer);
    await drain();
    const runTables = async () =>
      (
        await dataSource.query<{ name: string }[]>(
          `SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relname LIKE 'matches\\_run\\_%'`,
        )
      ).map((row) => row.name);
    const rows = () =>
      dataSource.query<unknown[]>(
        `SELECT vacancy_id, candidate_id, score, explanation, in_vacancy_top, in_candidate_top
           FROM matches ORDER BY vacancy_id, candidate_id`,
      );
    const settled = await rows();
    expect(settled.length).toBeGreaterThan(0);

    // A run that failed while its rows were being written: its table goes, matches stay.
    const results = worker!.get(MatchResults);
    async function* failing() {
      yield await Promise.resolve({
        vacancyId,
        candidateId: candidate.candidateId,
        score: 0.5,
        tie: pairTie(vacancyId, candidate.candidateId),
        explanation: '[3,[],[],[]]',
        inVacancyTop: true,
        inCandidateTop: true,
      });
      throw new Error('ranking failed');
    }
    await expect(results.replaceAll(() => Promise.resolve(failing()))).rejects.toThrow('ranking failed');
    expect(await runTables()).toEqual([]);
    expect(await rows()).toEqual(settled);

    // A table left by a run whose worker died is dropped by the next run.
    const dead = `matches_run_${randomUUID().replaceAll('-', '')}`;
    await dataSource.query(`CREATE TABLE ${dead} (LIKE matches)`);
    // While another session holds the full re-match lock, a run waits without touching anything.
    const other = dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock(hashtext('matches-full-rematch'))`);
      let finished = false;
      const first = worker!
        .get(Matcher)
        .refreshAll()
        .finally(() => (finished = true));
      const second = worker!.get(Matcher).refreshAll();
      await waitFor(
        async () =>
          (
            await dataSource.query<{ n: number }[]>(
              `SELECT count(*)::int AS n FROM pg_stat_activity
                WHERE query LIKE 'SELECT pg_try_advisory_lock%'`,
            )
          )[0].n > 0,
        { what: 'a full re-match to ask for its turn' },
      );
      expect(finished).toBe(false);
      expect(await runTables()).toEqual([dead]);
      await other.query(`SELECT pg_advisory_unlock(hashtext('matches-full-rematch'))`);
      const [one, two] = await Promise.all([first, second]);
      expect(one).toMatchObject({ written: settled.length, dropped: 0 });
      expect(two).toMatchObject({ written: settled.length, dropped: 0 });
    } finally {
      await other.release();
    }
    expect(await runTables()).toEqual([]);
    expect(await rows()).toEqual(settled);
    expect(await vacancySet(vacancyId)).toContain(candidate.candidateId);
  });

  it('writes a set that waited behind a full re-match’s swap without deadlocking it', async () => {
    // One more registration than the per-address limit lets the whole spec make.
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    const candidate = await candidates.active();
    const vacancyId = await publishedVacancy(employer);
    await drain();
    await dataSource.query('DELETE FROM matches WHERE candidate_id = $1', [candidate.candidateId]);
    // What a swap holds from its start (every writer waits), and then asks for to rename the table.
    const swap = dataSource.createQueryRunner();
    await swap.connect();
    try {
      await swap.startTransaction();
      await swap.query('LOCK TABLE matches IN SHARE ROW EXCLUSIVE MODE');
      const [{ pid }] = (await swap.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
      const failed = outcomeOf(worker!.get(Matcher).matchCandidate(candidate.candidateId));
      await lockAwaited('matches', 'the set write to wait for the swap', { except: pid });
      // A writer that had read the table before waiting would hold it against this: deadlock.
      await swap.query(`SET LOCAL lock_timeout = '60s'`);
      await swap.query('LOCK TABLE matches IN ACCESS EXCLUSIVE MODE');
      await swap.commitTransaction();
      expect(await failed).toBeNull();
    } finally {
      if (swap.isTransactionActive) await swap.rollbackTransaction();
      await swap.release();
    }
    expect(await vacancySet(vacancyId)).toContain(candidate.candidateId);
  });

  it('swaps a full re-match in while a profile update holds its row and then writes it, deadlocking neither', async () => {
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    const id = (await candidates.active()).candidateId;
    await drain();
    const update = dataSource.createQueryRunner();
    await update.connect();
    try {
      await update.startTransaction();
      await update.query('SELECT id FROM candidates WHERE id = $1 FOR NO KEY UPDATE', [id]);
      const refreshed = outcomeOf(worker!.get(Matcher).refreshAll());
      // The swap needs the candidates table to itself (dropping the old table drops its keys' triggers there).
      await lockAwaited('candidates', 'the swap to wait for the candidates table', {
        mode: 'AccessExclusiveLock',
      });
      await update.query('UPDATE candidates SET updated_at = now() WHERE id = $1', [id]);
      await update.commitTransaction();
      expect(await refreshed).toBeNull();
    } finally {
      if (update.isTransactionActive) await update.rollbackTransaction();
      await update.release();
    }
  });

  /**
   * Whether `send` is answered while another transaction holds the key share of a row of `table`
   * that a set write's foreign key takes until it commits: 'answered <status>', or 'waited for the
   * set write' as soon as the request's transaction is seen waiting for that one.
   */
  async function whileKeyShared(table: 'candidates' | 'vacancies', id: string, send: () => Promise<number>) {
    const write = dataSource.createQueryRunner();
    await write.connect();
    let answered: number | undefined;
    let sent: Promise<void> | undefined;
    try {
      await write.startTransaction();
      await write.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR KEY SHARE`, [id]);
      const [{ pid }] = (await write.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
      sent = send().then((status) => {
        answered = status;
      });
      return await waitFor(
        async () => {
          if (answered !== undefined) return `answered ${answered}`;
          const [{ n }] = await dataSource.query<{ n: number }[]>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
            [pid],
          );
          return n > 0 ? 'waited for the set write' : undefined;
        },
        { what: 'the request to be answered or to wait for the set write' },
      );
    } finally {
      if (write.isTransactionActive) await write.rollbackTransaction();
      await write.release();
      await sent;
    }
  }

  it('updates a profile and closes a vacancy while set writes hold rows that reference them, waiting for neither', async () => {
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    const candidate = await candidates.active();
    const vacancyId = await publishedVacancy(employer);
    await drain();
    const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const updated = await whileKeyShared('candidates', candidate.candidateId, async () => {
      const response = await http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send({ earliestStartDate: day });
      return response.status;
    });
    expect(updated).toBe('answered 200');
    const [{ start }] = await dataSource.query<{ start: string }[]>(
      'SELECT earliest_start_date::text AS start FROM candidates WHERE id = $1',
      [candidate.candidateId],
    );
    expect(start).toBe(day);
    const closed = await whileKeyShared('vacancies', vacancyId, async () => {
      const response = await http()
        .post(`/api/v1/vacancies/${vacancyId}/close`)
        .auth(employer.user.accessToken, { type: 'bearer' });
      return response.status;
    });
    expect(closed).toBe('answered 200');
    const [{ status }] = await dataSource.query<{ status: string }[]>(
      'SELECT status FROM vacancies WHERE id = $1',
      [vacancyId],
    );
    expect(status).toBe('closed');
  });

  it('matches a batch of candidates and of vacancies exactly as one job after another does', async () => {
    const people: string[] = [];
    for (const profile of [
      {},
      { languages: [{ code: 'fr', cefr: 'A2' }] },
      { skills: [{ uri: ESCO.weldMetal }] },
    ]) {
      const candidate = await candidates.active();
      await http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send(candidates.profile(profile))
        .expect(200);
      people.push(candidate.candidateId);
    }
    const vacancyIds = [
      await publishedVacancy(employer),
      await publishedVacancy(employer, { languages: [] }),
      await publishedVacancy(employer, { minExperienceYears: 8 }),
    ];
    await drain();
    const matcher = worker!.get(Matcher);
    const rows = () =>
      dataSource.query<unknown[]>(
        `SELECT vacancy_id, candidate_id, score, tie_break, explanation, in_vacancy_top, in_candidate_top
           FROM matches ORDER BY vacancy_id, candidate_id`,
      );

    await dataSource.query('DELETE FROM matches');
    const single = [];
    for (const id of vacancyIds) single.push(await matcher.matchVacancy(id));
    for (const id of people) single.push(await matcher.matchCandidate(id));
    const oneByOne = await rows();
    await dataSource.query('DELETE FROM matches');
    const batched = [
      ...(await matcher.matchVacancyBatch(vacancyIds)),
      ...(await matcher.matchCandidateBatch(people)),
    ];

    expect(oneByOne.length).toBeGreaterThan(people.length);
    expect(await rows()).toEqual(oneByOne);
    expect(batched).toEqual(single);
  });

  it('keeps its store fresh by re-reading only the vacancies and candidates changed since it last read them', async () => {
    const candidate = await candidates.active();
    const vacancyId = await publishedVacancy(employer);
    await drain();
    // A store of its own, on a loader of its own: the worker's jobs neither feed it nor call its loader.
    const loader = new FeatureLoader(dataSource);
    const features = new MatchingFeatures(loader, sut.get<AppConfig>(APP_CONFIG));
    await features.current();
    // The first sync after the load re-reads what changed within the overlap window once.
    await features.current();
    const vacanciesRead = jest.spyOn(loader, 'vacanciesByIds');
    const candidatesRead = jest.spyOn(loader, 'candidatesByIds');
    const idsRead = (spy: typeof vacanciesRead | typeof candidatesRead) =>
      spy.mock.calls.flatMap(([ids]) => ids);
    try {
      // Both changed seconds ago, within the window every sync looks back over, but not since.
      const store = await features.current();
      expect(idsRead(vacanciesRead)).not.toContain(vacancyId);
      expect(idsRead(candidatesRead)).not.toContain(candidate.candidateId);
      expect(store.isVacancyMatchable(vacancyId)).toBe(true);
      expect(store.isCandidateMatchable(candidate.candidateId)).toBe(true);

      await http()
        .post(`/api/v1/vacancies/${vacancyId}/close`)
        .auth(employer.user.accessToken, { type: 'bearer' })
        .expect(200);
      await http()
        .patch('/api/v1/candidates/me')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send(candidates.profile({ availability: 'paused' }))
        .expect(200);
      const synced = await features.current();
      expect(idsRead(vacanciesRead)).toEqual([vacancyId]);
      expect(idsRead(candidatesRead)).toEqual([candidate.candidateId]);
      expect(synced.isVacancyMatchable(vacancyId)).toBe(false);
      expect(synced.isCandidateMatchable(candidate.candidateId)).toBe(false);
    } finally {
      vacanciesRead.mockRestore();
      candidatesRead.mockRestore();
    }
    await drain();
  });

  it('keeps a set of the other side at its size: an entering pair displaces the lowest, which leaves the table when in no set and stays in its own set otherwise; a rewritten owner counts at its new score', async () => {
    const [first, second] = [await publishedVacancy(employer), await publishedVacancy(employer)];
    const people: string[] = [];
    for (let i = 0; i < 4; i++) people.push((await candidates.active()).candidateId);
    await drain();
    const results = worker!.get(MatchResults);
    const clear = () =>
      dataSource.query(
        'DELETE FROM matches WHERE vacancy_id = ANY($1::uuid[]) OR candidate_id = ANY($2::uuid[])',
        [[first, second], people],
      );
    const set = (candidateId: string, ranked: { id: string; score: number }[]) => ({
      ownerId: candidateId,
      ranked,
      explain: () => '[]',
    });
    // Each candidate's own set is its best vacancy; each vacancy's set holds two candidates.
    const sizes = { own: 1, other: 2 };
    const sets = [
      set(people[0], [
        { id: second, score: 0.9 },
        { id: first, score: 0.5 },
      ]),
      set(people[1], [{ id: first, score: 0.7 }]),
      set(people[2], [{ id: first, score: 0.6 }]),
      set(people[3], [{ id: first, score: 0.65 }]),
    ];
    const rows = () =>
      dataSource.query<unknown[]>(
        `SELECT vacancy_id, candidate_id, score, in_vacancy_top, in_candidate_top FROM matches
          WHERE vacancy_id = ANY($1::uuid[]) ORDER BY vacancy_id, candidate_id`,
        [[first, second]],
      );
    const row = (
      vacancyId: string,
      candidateId: string,
      score: number,
      inVacancyTop: boolean,
      inCandidateTop: boolean,
    ) => ({
      vacancy_id: vacancyId,
      candidate_id: candidateId,
      score,
      in_vacancy_top: inVacancyTop,
      in_candidate_top: inCandidateTop,
    });
    /** The rows now, which are exactly these (in any order). */
    const exactly = async (...expected: ReturnType<typeof row>[]) => {
      const now = await rows();
      expect(now).toHaveLength(expected.length);
      expect(now).toEqual(expect.arrayContaining(expected));
      return now;
    };
    try {
      await clear();
      await results.replaceSets('candidate', sets.slice(0, 2), sizes);
      expect(await rows()).toEqual(
        expect.arrayContaining([
          row(first, people[0], 0.5, true, false),
          row(first, people[1], 0.7, true, true),
          row(second, people[0], 0.9, true, true),
        ]),
      );
      // The first vacancy's set is full: 0.6 enters it and displaces 0.5, whose pair is in no set any more.
      await results.replaceSets('candidate', sets.slice(2, 3), sizes);
      await exactly(
        row(first, people[1], 0.7, true, true),
        row(first, people[2], 0.6, true, true),
        row(second, people[0], 0.9, true, true),
      );
      // 0.65 displaces 0.6, whose pair stays in its candidate's own set.
      await results.replaceSets('candidate', sets.slice(3), sizes);
      const oneByOne = await exactly(
        row(first, people[1], 0.7, true, true),
        row(first, people[3], 0.65, true, true),
        row(first, people[2], 0.6, false, true),
        row(second, people[0], 0.9, true, true),
      );
      // In one batch the four pairs enter the empty set together, and the set is cut back to its best two.
      await clear();
      await results.replaceSets('candidate', sets, sizes);
      expect(await rows()).toEqual(oneByOne);
      // An owner rewritten in a batch holds its place at its new score: 0.7 drops to 0.5 (the set,
      // counted without it, has room), and 0.55, later in the batch, then displaces it.
      await clear();
      await results.replaceSets('candidate', [sets[1], sets[2]], sizes);
      await results.replaceSets(
        'candidate',
        [set(people[1], [{ id: first, score: 0.5 }]), set(people[3], [{ id: first, score: 0.55 }])],
        sizes,
      );
      await exactly(
        row(first, people[1], 0.5, false, true),
        row(first, people[2], 0.6, true, true),
        row(first, people[3], 0.55, true, true),
      );
    } finally {
      const matcher = worker!.get(Matcher);
      await matcher.matchCandidateBatch(people);
      await matcher.matchVacancyBatch([first, second]);
    }
  });

  /**
   * What the tests of the worker's own vacuums share: three active candidates (of the earlier tests:
   * registering more would meet the sign-up rate limit) and a new vacancy with no rows between them,
   * a set writer with a given threshold, this database's count of vacuums of `matches`, and sets of
   * one pair each that, with room for all three in the vacancy's set, change three rows a call.
   */
  async function vacuumFixture() {
    const vacancyId = await publishedVacancy(employer);
    const people = (
      await dataSource.query<{ id: string }[]>(
        `SELECT id FROM candidates WHERE status = 'active' ORDER BY id LIMIT 3`,
      )
    ).map((row) => row.id);
    expect(people).toHaveLength(3);
    await drain();
    await dataSource.query('DELETE FROM matches WHERE vacancy_id = $1 OR candidate_id = ANY($2::uuid[])', [
      vacancyId,
      people,
    ]);
    const config = worker!.get<AppConfig>(APP_CONFIG);
    const sets = people.map((candidateId, at) => ({
      ownerId: candidateId,
      ranked: [{ id: vacancyId, score: 0.5 + at / 10 }],
      explain: () => '[]',
    }));
    return {
      sets,
      sizes: { own: 1, other: 3 },
      writer: (vacuumAfterRows: number) =>
        new MatchResults(dataSource, { ...config, matching: { ...config.matching, vacuumAfterRows } }),
      vacuums: async () => {
        const [{ count }] = await dataSource.query<{ count: number }[]>(
          `SELECT vacuum_count::int AS count FROM pg_stat_user_tables WHERE relid = 'matches'::regclass`,
        );
        return count;
      },
      restore: async () => {
        const matcher = worker!.get(Matcher);
        await matcher.matchCandidateBatch(people);
        await matcher.matchVacancyBatch([vacancyId]);
      },
    };
  }

  it('vacuums the matches table itself every MATCH_VACUUM_AFTER_ROWS rows its set writes change, and never at 0', async () => {
    const { sets, sizes, writer, vacuums, restore } = await vacuumFixture();
    try {
      const before = await vacuums();
      // Below the threshold, and switched off: no vacuum (each writer awaits its vacuum when closed).
      const patient = writer(4);
      await patient.replaceSets('candidate', sets, sizes);
      const off = writer(0);
      await off.replaceSets('candidate', sets, sizes);
      await Promise.all([patient.onModuleDestroy(), off.onModuleDestroy()]);
      expect(await vacuums()).toBe(before);
      // The fourth row and beyond: one vacuum, after which the count starts again.
      await patient.replaceSets('candidate', sets, sizes);
      await patient.onModuleDestroy();
      await waitFor(async () => (await vacuums()) > before, { what: 'a vacuum of matches' });
      expect(await vacuums()).toBe(before + 1);
      await patient.replaceSets('candidate', sets.slice(0, 1), sizes);
      await patient.onModuleDestroy();
      expect(await vacuums()).toBe(before + 1);
    } finally {
      await restore();
    }
  });

  it("waits, after a vacuum, for as many rows as the table's autovacuum waits for when that is more", async () => {
    const { sets, sizes, writer, vacuums, restore } = await vacuumFixture();
    const option = async () =>
      (
        await dataSource.query<{ value: string }[]>(
          `SELECT o.option_value AS value FROM pg_class c, pg_options_to_table(c.reloptions) o
            WHERE c.oid = 'matches'::regclass AND o.option_name = 'autovacuum_vacuum_scale_factor'`,
        )
      )[0]?.value;
    const migrated = await option();
    expect(migrated).toBeDefined();
    try {
      // The table's rows once the three pairs are in, exactly (a vacuum of a table this small reads
      // every page), and a scale factor that makes autovacuum wait for 7.5 of them.
      const counted = await vacuums();
      await writer(0).replaceSets('candidate', sets, sizes);
      await dataSource.query('VACUUM matches');
      // Counts reach the statistics a moment after the vacuum.
      const after = (count: number, what: string) =>
        waitFor(async () => (await vacuums()) >= count, { what });
      await after(counted + 1, "the test's vacuum of matches");
      const [{ rows }] = await dataSource.query<{ rows: number }[]>(
        `SELECT reltuples AS rows FROM pg_class WHERE oid = 'matches'::regclass`,
      );
      expect(rows).toBeGreaterThan(3);
      await dataSource.query(`ALTER TABLE matches SET (autovacuum_vacuum_scale_factor = ${7.5 / rows})`);
      const before = await vacuums();
      expect(before).toBe(counted + 1);
      const writes = writer(4);
      // Six rows: past the threshold, a first vacuum, after which the writer reads the table's share.
      await writes.replaceSets('candidate', sets, sizes);
      await writes.replaceSets('candidate', sets, sizes);
      await writes.onModuleDestroy();
      await after(before + 1, 'a first vacuum of matches');
      // Six more pass the threshold of 4 but not the table's 7.5: no vacuum; the ninth row, one.
      await writes.replaceSets('candidate', sets, sizes);
      await writes.replaceSets('candidate', sets, sizes);
      await writes.onModuleDestroy();
      expect(await vacuums()).toBe(before + 1);
      await writes.replaceSets('candidate', sets, sizes);
      await writes.onModuleDestroy();
      await after(before + 2, 'a second vacuum of matches');
      expect(await vacuums()).toBe(before + 2);
    } finally {
      await dataSource.query(
        `ALTER TABLE matches SET (autovacuum_vacuum_scale_factor = ${Number(migrated)})`,
      );
      await restore();
    }
  });

  it('orders equally good candidates by a per-vacancy hash of the pair, not by reference code', async () => {
    const twins = await Promise.all(Array.from({ length: 6 }, () => candidates.active()));
    const first = await publishedVacancy(employer);
    const second = await publishedVacancy(employer);
    const third = await publishedVacancy(employer);
    await drain();
    const order = async (vacancyId: string) =>
      (
        (await matchesOf(vacancyId, 'en', employer, '&limit=100').expect(200)).body.items as {
          referenceCode: string;
          score: number;
        }[]
      ).filter((match) => twins.some((twin) => twin.referenceCode === match.referenceCode));
    const [a, b] = [await order(first), await order(second)];
    expect(a).toHaveLength(twins.length);
    expect(new Set(a.map((match) => match.score)).size).toBe(1);
    const tie = (vacancyId: string, candidateId: string) => pairTie(vacancyId, candidateId);
    const expected = (vacancyId: string) =>
      [...twins]
        .sort((x, y) => tie(vacancyId, x.candidateId) - tie(vacancyId, y.candidateId))
        .map((twin) => twin.referenceCode);
    expect(a.map((match) => match.referenceCode)).toEqual(expected(first));
    expect(b.map((match) => match.referenceCode)).toEqual(expected(second));
    // Six equals: the same order on three vacancies would be a 1 in 518 400 coincidence.
    expect(new Set([first, second, third].map((id) => expected(id).join())).size).toBeGreaterThan(1);
    expect((await order(third)).map((match) => match.referenceCode)).toEqual(expected(third));
    expect((await order(first)).map((match) => match.referenceCode)).toEqual(expected(first));
  });

  it('re-matches a published vacancy whose occupation and skills are edited', async () => {
    const welder = await candidates.active();
    const nurse = await candidates.active();
    await http()
      .patch('/api/v1/candidates/me')
      .auth(nurse.accessToken, { type: 'bearer' })
      .send({ occupations: [{ uri: ESCO.nurse, yearsOfExperience: 6 }], skills: [{ uri: ESCO.patientCare }] })
      .expect(200);
    const vacancyId = await publishedVacancy(employer);
    await drain();
    const before = await vacancySet(vacancyId);
    expect(before).toContain(welder.candidateId);

    await http()
      .put(`/api/v1/vacancies/${vacancyId}`)
      .auth(employer.user.accessToken, { type: 'bearer' })
      .send(
        vacancyBody({
          title: 'Specialist nurse',
          occupationUri: ESCO.nurse,
          skills: [{ uri: ESCO.patientCare, requirement: 'essential' }],
        }),
      )
      .expect(200);
    await drain();
    const ranked = (await matchesOf(vacancyId).expect(200)).body.items.map(
      (match: { referenceCode: string }) => match.referenceCode,
    );
    expect(ranked[0]).toBe(nurse.referenceCode);
    expect(await vacancySet(vacancyId)).not.toEqual(before);
  });

  it('weighs each required skill by its rarity across the taxonomy’s occupation profiles, stored and explained on demand alike', async () => {
    // Blueprints are in both occupations' profiles, welding in the welder's only.
    await dataSource.query(
      `INSERT INTO occupation_skills (occupation_uri, skill_uri, relation_type)
       VALUES ($1, $2, 'essential'), ($1, $3, 'essential'), ($4, $3, 'optional'), ($4, $5, 'essential')`,
      [ESCO.welder, ESCO.weldMetal, ESCO.readBlueprints, ESCO.nurse, ESCO.patientCare],
    );
    try {
      // A worker reads the counts with the skill links when it builds its store.
      await worker?.close();
      await startWorker();
      const welding = await candidates.active();
      const blueprints = await candidates.active();
      for (const [candidate, skill] of [
        [welding, ESCO.weldMetal],
        [blueprints, ESCO.readBlueprints],
      ] as const)
        await http()
          .patch('/api/v1/candidates/me')
          .auth(candidate.accessToken, { type: 'bearer' })
          .send({ skills: [{ uri: skill }] })
          .expect(200);
      const vacancyId = await publishedVacancy(employer, {
        skills: [
          { uri: ESCO.weldMetal, requirement: 'essential' },
          { uri: ESCO.readBlueprints, requirement: 'essential' },
        ],
      });
      await drain();

      const items: {
        referenceCode: string;
        score: number;
        explanation: { scoreVersion: number; factors: { factor: string; value: number }[] };
      }[] = (await matchesOf(vacancyId, 'en', employer, '&limit=100').expect(200)).body.items;
      const essential = (referenceCode: string) => {
        const item = items.find((match) => match.referenceCode === referenceCode)!;
        expect(item.explanation.scoreVersion).toBe(3);
        return item.explanation.factors.find((factor) => factor.factor === 'essentialSkills')!.value;
      };
      // ln(1 + 2/1) against ln(1 + 2/2) of the essential weight: 0.61 and 0.39, not 0.5 each.
      const rare = Math.log(3) / (Math.log(3) + Math.log(2));
      expect(essential(welding.referenceCode)).toBeCloseTo(rare, 3);
      expect(essential(blueprints.referenceCode)).toBeCloseTo(1 - rare, 3);

      // A pair with no stored row is scored on demand from the same counts, to the same score.
      const [stored] = await dataSource.query<{ score: number }[]>(
        'SELECT score FROM matches WHERE vacancy_id = $1 AND candidate_id = $2',
        [vacancyId, welding.candidateId],
      );
      await dataSource.query('DELETE FROM matches WHERE vacancy_id = $1 AND candidate_id = $2', [
        vacancyId,
        welding.candidateId,
      ]);
      const onDemand = await sut.get(PairExplanations).explain(vacancyId, welding.candidateId, 'en');
      expect(onDemand).toMatchObject({ stored: false, score: Math.round(stored.score * 1000) / 10 });
      expect(
        onDemand!.explanation.factors.find((factor) => factor.factor === 'essentialSkills')!.value,
      ).toBeCloseTo(rare, 3);
    } finally {
      await dataSource.query('DELETE FROM occupation_skills WHERE occupation_uri = ANY($1)', [
        [ESCO.welder, ESCO.nurse],
      ]);
      await worker?.close();
      await startWorker();
    }
  });
});

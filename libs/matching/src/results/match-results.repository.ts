import { CANDIDATES_SQL } from '@app/candidates';
import { VACANCIES_SQL } from '@app/vacancies';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { releaseSessionLock, waitForSessionLock } from '@app/database';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import type { ExpectedMatch } from '../engine/expected-matches';
import { SCORE_VERSION } from '../scoring/score';
import { pairTie } from '../store/feature-store';
import { copyRows } from './copy-rows';
import { OtherSetFloors, type HeldPair, type OtherSetFloor } from './other-set-floors';
import type { StoredExplanation } from './stored-explanation';

export type MatchSide = 'vacancy' | 'candidate';

/** Column names per side; fixed identifiers, never input. */
const SIDES = {
  vacancy: {
    own: 'vacancy_id',
    other: 'candidate_id',
    ownTop: 'in_vacancy_top',
    otherTop: 'in_candidate_top',
  },
  candidate: {
    own: 'candidate_id',
    other: 'vacancy_id',
    ownTop: 'in_candidate_top',
    otherTop: 'in_vacancy_top',
  },
} as const;
const OTHER_SIDE = { vacancy: CANDIDATES_SQL, candidate: VACANCIES_SQL } as const;

/** The one long step of a full re-match, swapping millions of rows in, may outlast the usual limit. */
const SWAP_TIMEOUT = '30min';
/**
 * A full re-match of one store writes its rows straight into a table of this prefix and the run's
 * id, which then takes the place of `matches`: the rows are written once, with no staged copy.
 */
const RUN_TABLE_PREFIX = 'matches_run_';
const RUN_TABLE = /^matches_run_[0-9a-f]{32}$/;
/** The session lock a full re-match of one store holds from before it reads the store to its end. */
const FULL_REMATCH_LOCK = 'matches-full-rematch';
/** How often a full re-match waiting for another one asks for the lock again. */
const LOCK_POLL_MS = 2_000;

/** One owner's new set: best first, the first `own` of the limits form it, the rest are offered. */
export interface OwnedSet {
  ownerId: string;
  ranked: readonly { id: string; score: number }[];
  /** The stored explanation of `ranked[at]`, asked only for the pairs written. */
  explain(at: number): StoredExplanation;
}

/** The key of a row of `matches`. */
interface PairKey {
  vacancyId: string;
  candidateId: string;
}

const pairKey = (pair: PairKey): string => `${pair.vacancyId}:${pair.candidateId}`;

/** Set sizes when writing one side's sets: its own, and the other side's (to decide what enters them). */
export interface SetSizes {
  own: number;
  other: number;
}

/**
 * The `matches` table. A vacancy's (or candidate's) set is replaced in one transaction, so readers
 * and a crashed worker only ever leave the old complete set or the new complete one. Each pair is
 * also offered to the other side's set when that set is not full or the pair beats its lowest
 * score, and the set then keeps its best pairs: what an entering pair displaces leaves it.
 */
@Injectable()
export class MatchResults implements OnModuleDestroy {
  private readonly logger = new Logger(MatchResults.name);
  /** Rows written by set replacements since this process last started a vacuum of `matches`. */
  private writtenSinceVacuum = 0;
  /** The share of `matches` that autovacuum waits for, in rows, as of this process's last vacuum. */
  private tableShare = 0;
  private vacuuming?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A vacuum under way is let finish before the connections close. */
  async onModuleDestroy(): Promise<void> {
    await this.vacuuming;
  }

  /**
   * Replaces these owners' sets (each owner once) in one transaction, with the result of replacing
   * them one after another in this order (exactly while no set of the other side is full). Each set
   * is its first `sizes.own` pairs; every pair also enters the other side's set when that set is not
   * full or the pair beats its lowest score, which `OtherSetFloors` decides from one read of those
   * sets; each set that a pair entered is then cut back to its best `sizes.other` pairs (within the
   * batch the pairs entering a set do not raise its lowest score, so a pair may enter that the cut
   * removes again). Rows in no set are removed.
   */
  async replaceSets(side: MatchSide, sets: readonly OwnedSet[], sizes: SetSizes): Promise<void> {
    if (sets.length === 0) return;
    const { own, other, ownTop, otherTop } = SIDES[side];
    const owners = sets.map((set) => set.ownerId);
    if (new Set(owners).size !== owners.length) throw new Error('replaceSets: an owner appears twice');
    const others = [...new Set(sets.flatMap((set) => set.ranked.map((match) => match.id)))];
    const written = await this.dataSource.transaction(async (manager) => {
      // The write's table lock first, before any read: a transaction that read the table and only
      // then asks to write it would hold a lock that a full re-match's swap, waiting to replace
      // the table, needs, while waiting for the swap itself: a deadlock that fails one of them.
      await manager.query('LOCK TABLE matches IN ROW EXCLUSIVE MODE');
      // Many small index probes, whose estimated cost (on a table growing faster than its statistics
      // are gathered) passes the JIT thresholds: compiling them took longer than running them.
      await manager.query('SET LOCAL jit = off');
      // Each owner's rows through the index on its column, whatever the table's statistics: without
      // them, a list of a few hundred owners is estimated to match half the table, and the planner
      // then reads the whole of the other side's top-set index. (OFFSET 0 keeps the set filter out of
      // the owner's query.)
      const held = await manager.query<HeldPair[]>(
        `SELECT o.id AS "ownerId", m.${other} AS "otherId", m.score
           FROM unnest($1::uuid[]) AS o(id)
           CROSS JOIN LATERAL (
             SELECT r.${other}, r.score, r.${otherTop} FROM matches r WHERE r.${own} = o.id OFFSET 0) m
          WHERE m.${otherTop}`,
        [owners],
      );
      // Only the sets that hold a row of these owners need those rows left out of their count.
      const holding = new Set(held.map((pair) => pair.otherId));
      const floors = await manager.query<OtherSetFloor[]>(
        `SELECT o.id AS "otherId", f.n, f.floor
           FROM unnest($1::uuid[], $2::boolean[]) AS o(id, holding)
           CROSS JOIN LATERAL (
             SELECT count(*)::int AS n, min(t.score) AS floor FROM (
               SELECT m.score FROM matches m
                WHERE m.${other} = o.id AND m.${otherTop} AND (NOT o.holding OR m.${own} <> ALL($3::uuid[]))
                ORDER BY m.score LIMIT $4) t) f`,
        [others, others.map((id) => holding.has(id)), owners, sizes.other],
      );
      const offers = new OtherSetFloors(sizes.other, floors, held);
      // Column by column: arrays of plain values cost Postgres far less to read than JSON rows.
      const columns = {
        owners: [] as string[],
        others: [] as string[],
        scores: [] as number[],
        ties: [] as number[],
        explanations: [] as string[],
        own: [] as boolean[],
        enters: [] as boolean[],
      };
      for (const set of sets)
        set.ranked.forEach((match, position) => {
          const inOwn = position < sizes.own;
          const enters = offers.offer(set.ownerId, match.id, match.score, inOwn);
          if (!inOwn && !enters) return;
          const [vacancyId, candidateId] =
            side === 'vacancy' ? [set.ownerId, match.id] : [match.id, set.ownerId];
          columns.owners.push(set.ownerId);
          columns.others.push(match.id);
          columns.scores.push(match.score);
          columns.ties.push(pairTie(vacancyId, candidateId));
          columns.explanations.push(set.explain(position));
          columns.own.push(inOwn);
          columns.enters.push(enters);
        });
      await manager.query(
        `UPDATE matches SET ${ownTop} = false WHERE ${own} = ANY($1::uuid[]) AND ${ownTop}`,
        [owners],
      );
      await manager.query(
        `INSERT INTO matches (${own}, ${other}, score, score_version, computed_at, explanation, tie_break, ${ownTop}, ${otherTop})
         SELECT x.owner_id, x.other_id, x.score, $8, now(), x.explanation, x.tie, x.own, x.enters
           FROM unnest($1::uuid[], $2::uuid[], $3::real[], $4::integer[], $5::text[], $6::boolean[], $7::boolean[])
                  AS x(owner_id, other_id, score, tie, explanation, own, enters)
           JOIN ${OTHER_SIDE[side]} t ON t.id = x.other_id
          ORDER BY x.${side === 'vacancy' ? 'owner_id' : 'other_id'}, x.${side === 'vacancy' ? 'other_id' : 'owner_id'}
         ON CONFLICT (vacancy_id, candidate_id) DO UPDATE SET
           score = EXCLUDED.score, score_version = EXCLUDED.score_version, computed_at = EXCLUDED.computed_at,
           explanation = EXCLUDED.explanation, tie_break = EXCLUDED.tie_break, ${ownTop} = EXCLUDED.${ownTop},
           ${otherTop} = matches.${otherTop} OR EXCLUDED.${otherTop}`,
        [
          columns.owners,
          columns.others,
          columns.scores,
          columns.ties,
          columns.explanations,
          columns.own,
          columns.enters,
          SCORE_VERSION,
        ],
      );
      // A set of the other side keeps its best `sizes.other` pairs, in the engine's order: the pairs
      // that entered a full set displace as many of its lowest, which leave it (and the table, when
      // in no set at all). Only those rows are read, from the set's lowest score up.
      const over = [...new Set(columns.others.filter((_, at) => columns.enters[at]))]
        .map((id) => ({ id, excess: offers.excess(id) }))
        .filter(({ excess }) => excess > 0);
      const lowest =
        over.length === 0
          ? []
          : await manager.query<PairKey[]>(
              `SELECT l.vacancy_id AS "vacancyId", l.candidate_id AS "candidateId"
                 FROM unnest($1::uuid[], $2::integer[]) AS o(id, excess)
                 CROSS JOIN LATERAL (
                   SELECT t.vacancy_id, t.candidate_id FROM matches t
                    WHERE t.${other} = o.id AND t.${otherTop}
                    ORDER BY t.score, t.tie_break DESC, t.${own} DESC LIMIT o.excess) l
                ORDER BY l.vacancy_id, l.candidate_id`,
              [over.map(({ id }) => id), over.map(({ excess }) => excess)],
            );
      // A displaced row in no set of this side is deleted outright; the others only leave the set.
      // Each statement judges a row as it is by then (a write committed since the read may have put
      // it in its owner's set), and a row deleted is never written first.
      const [gone] =
        lowest.length === 0
          ? [[] as PairKey[]]
          : await manager.query<[PairKey[], number]>(
              `DELETE FROM matches m USING unnest($1::uuid[], $2::uuid[]) AS x(vacancy_id, candidate_id)
                WHERE m.vacancy_id = x.vacancy_id AND m.candidate_id = x.candidate_id AND NOT m.${ownTop}
                RETURNING m.vacancy_id AS "vacancyId", m.candidate_id AS "candidateId"`,
              [lowest.map((pair) => pair.vacancyId), lowest.map((pair) => pair.candidateId)],
            );
      const deleted = new Set(gone.map(pairKey));
      const kept = lowest.filter((pair) => !deleted.has(pairKey(pair)));
      if (kept.length > 0)
        await manager.query(
          `UPDATE matches m SET ${otherTop} = false
             FROM unnest($1::uuid[], $2::uuid[]) AS x(vacancy_id, candidate_id)
            WHERE m.vacancy_id = x.vacancy_id AND m.candidate_id = x.candidate_id`,
          [kept.map((pair) => pair.vacancyId), kept.map((pair) => pair.candidateId)],
        );
      await manager.query(
        `DELETE FROM matches m WHERE m.${own} = ANY($1::uuid[]) AND NOT m.in_vacancy_top AND NOT m.in_candidate_top`,
        [owners],
      );
      return columns.owners.length + lowest.length;
    });
    this.wrote(written);
  }

  /**
   * Counts rows written and vacuums `matches` in the background, one vacuum at a time, once they
   * reach `matching.vacuumAfterRows` and the share of the table that its autovacuum waits for
   * (`autovacuum_vacuum_scale_factor`: the table's own, set by its migration, else the server's),
   * read after each vacuum. The set reads above are index-only scans only on pages marked
   * all-visible, and every write unmarks the pages it touches: on a table no vacuum has visited
   * since, each row of a set read is a heap visit (in a burst of 10 000 activations with the
   * server's autovacuum off, the floors read took about 300 ms a batch; about 150 ms with
   * autovacuum every 10 s, 120 ms with these vacuums). A vacuum also reads every index of the table
   * whole, so on a large table a fixed count would keep one running all the time: at 100 000
   * candidates every 20 000 rows cost 6.7 s a vacuum, back to back. A vacuum that cannot take its
   * lock at once (another vacuum, a full re-match's swap) skips the table; a failed one is logged
   * and the next is due as usual.
   */
  private wrote(rows: number): void {
    const every = this.config.matching.vacuumAfterRows;
    if (every === 0) return;
    this.writtenSinceVacuum += rows;
    if (this.writtenSinceVacuum < Math.max(every, this.tableShare) || this.vacuuming) return;
    this.writtenSinceVacuum = 0;
    this.vacuuming = this.vacuumMatches('SKIP_LOCKED')
      .then(async () => {
        this.tableShare = await this.autovacuumShare();
      })
      .catch((error: unknown) =>
        this.logger.warn(
          `Vacuum of matches failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => {
        this.vacuuming = undefined;
      });
  }

  /** The rows of `matches` whose change sets its autovacuum off, as the vacuum just done counted them. */
  private async autovacuumShare(): Promise<number> {
    const [{ rows }] = await this.dataSource.query<{ rows: number }[]>(
      `SELECT greatest(c.reltuples, 0) * coalesce(
                (SELECT o.option_value::float8 FROM pg_options_to_table(c.reloptions) o
                  WHERE o.option_name = 'autovacuum_vacuum_scale_factor'),
                current_setting('autovacuum_vacuum_scale_factor')::float8) AS rows
         FROM pg_class c WHERE c.oid = 'matches'::regclass`,
    );
    return rows;
  }

  /**
   * Replaces every set with the rows `compute` yields, for a store that is not sharded. Full
   * re-matches take turns: each holds a session lock from before `compute` reads the store to the
   * end, so a later run always reflects what changed while an earlier one ran, and two runs never
   * hold a table of every match each. Under the lock, tables left by a run that died are dropped.
   * The rows go a chunk at a time (one COPY in flight while the next is ranked) into a new table
   * of `matches`' shape with nothing to maintain row by row, which then takes its place as
   * `takePlace` describes. A failed run drops its table and leaves `matches` as it was.
   */
  async replaceAll(
    compute: () => Promise<AsyncIterable<ExpectedMatch>>,
  ): Promise<{ written: number; dropped: number; swapSeconds: number }> {
    const session = this.dataSource.createQueryRunner();
    await session.connect();
    try {
      await waitForSessionLock(session, FULL_REMATCH_LOCK, LOCK_POLL_MS);
      try {
        await dropDeadRuns(session);
        const table = `${RUN_TABLE_PREFIX}${randomUUID().replaceAll('-', '')}`;
        await createLikeMatches(session, table);
        try {
          const staged = await this.copyAll(
            table,
            '(score_version, computed_at, vacancy_id, candidate_id, score, explanation, tie_break, in_vacancy_top, in_candidate_top)',
            await compute(),
            () => `${SCORE_VERSION}\t${new Date().toISOString()}\t`,
          );
          const swapStarted = performance.now();
          const swapped = await this.inTransaction(async (runner) => {
            await runner.query(`SET LOCAL statement_timeout = '${SWAP_TIMEOUT}'`);
            await runner.query('LOCK TABLE matches IN SHARE ROW EXCLUSIVE MODE');
            return takePlace(runner, table, staged);
          });
          await this.validateSwapped();
          return { ...swapped, swapSeconds: (performance.now() - swapStarted) / 1000 };
        } finally {
          // Gone already when it took the place of `matches`. Should the session itself be gone,
          // the next run drops the table, and the error that ended this run is the one to report.
          await session.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
        }
      } finally {
        await releaseSessionLock(session, FULL_REMATCH_LOCK);
      }
    } finally {
      await session.release();
    }
  }

  /**
   * Stages one shard's part of a sharded full re-match under the run's id: its
   * candidates' sets, and every vacancy's best candidates among its own. Rows are computed a chunk
   * at a time and each chunk goes in through one short COPY, so no statement or transaction stays
   * open while ranking runs. Staging again replaces the shard's rows, so a retried job leaves one
   * copy. Returns how many rows were staged, which the swap checks before it replaces anything.
   */
  async stage(runId: string, shard: number, rows: AsyncIterable<ExpectedMatch>): Promise<number> {
    await this.dataSource.query('DELETE FROM match_refresh_rows WHERE run_id = $1 AND shard = $2', [
      runId,
      shard,
    ]);
    return this.copyAll(
      'match_refresh_rows',
      `(run_id, shard, vacancy_id, candidate_id, score, explanation, tie_break, in_vacancy_top, in_candidate_top)`,
      rows,
      () => `${runId}\t${shard}\t`,
    );
  }

  /** COPYs the rows into the table (see `copyRows`); returns how many were written. */
  private copyAll(
    table: string,
    columns: string,
    rows: AsyncIterable<ExpectedMatch>,
    lead: () => string,
  ): Promise<number> {
    const sql = `COPY ${table} ${columns} FROM STDIN`;
    return copyRows(rows, lead, (text) => this.copyIn(sql, text));
  }

  /**
   * Replaces every set with what was staged for this run, once the staged rows are all there
   * (`staged` of them: the staging table is unlogged, so a database crash may have emptied it).
   * With `topPerVacancy` (a sharded run) each vacancy's set is its best `topPerVacancy` over all
   * shards' candidates, in the engine's order (score, then the pair's tie value, then candidate
   * id); candidates' sets are whole in their shard. The run's rows, and any left by runs that never
   * finished, are removed in the same step.
   */
  async replaceAllStaged(
    runId: string,
    expected: { staged: number; topPerVacancy?: number },
  ): Promise<{ written: number; dropped: number }> {
    const swapped = await this.inTransaction(async (runner) => {
      await runner.query(`SET LOCAL statement_timeout = '${SWAP_TIMEOUT}'`);
      const [{ staged }] = (await runner.query(
        'SELECT count(*)::int AS staged FROM match_refresh_rows WHERE run_id = $1',
        [runId],
      )) as { staged: number }[];
      if (staged !== expected.staged)
        throw new Error(
          `Full re-match ${runId}: ${staged} rows staged of ${expected.staged}; nothing replaced`,
        );
      const merged = await swapIn(
        runner,
        expected.topPerVacancy === undefined
          ? `(SELECT s.vacancy_id, s.candidate_id, s.score, s.explanation, s.tie_break, s.in_candidate_top,
                     s.in_vacancy_top
                FROM match_refresh_rows s WHERE s.run_id = $2)`
          : `(SELECT s.vacancy_id, s.candidate_id, s.score, s.explanation, s.tie_break, s.in_candidate_top,
                     s.in_vacancy_top AND row_number() OVER (PARTITION BY s.vacancy_id, s.in_vacancy_top
                       ORDER BY s.score DESC, s.tie_break, s.candidate_id) <= $3 AS in_vacancy_top
                FROM match_refresh_rows s WHERE s.run_id = $2)`,
        expected.topPerVacancy === undefined ? [runId] : [runId, expected.topPerVacancy],
      );
      // Alone in the staging table, the run empties it at once; otherwise it removes only its own rows.
      const [{ others }] = (await runner.query(
        'SELECT EXISTS (SELECT 1 FROM match_refresh_rows WHERE run_id <> $1) AS others',
        [runId],
      )) as { others: boolean }[];
      if (others)
        await runner.query(
          `DELETE FROM match_refresh_rows WHERE run_id = $1 OR staged_at < now() - interval '1 day'`,
          [runId],
        );
      else await runner.query('TRUNCATE match_refresh_rows');
      return merged;
    });
    await this.validateSwapped();
    return swapped;
  }

  /**
   * After a swap: the foreign keys the new table got unchecked are checked (rows of deleted
   * vacancies and candidates were already removed under their lock, so this only confirms it,
   * without blocking writers). A vacuum then marks the new table's pages all-visible, so the set
   * reads of every later write are index-only scans from the start, and the planner learns the new
   * table's statistics.
   */
  private async validateSwapped(): Promise<void> {
    const unchecked = await this.dataSource.query<{ name: string }[]>(
      `SELECT conname AS name FROM pg_constraint
        WHERE conrelid = 'matches'::regclass AND contype = 'f' AND NOT convalidated`,
    );
    for (const key of unchecked)
      await this.inTransaction(async (runner) => {
        await runner.query(`SET LOCAL statement_timeout = '${SWAP_TIMEOUT}'`);
        await runner.query(`ALTER TABLE matches VALIDATE CONSTRAINT ${key.name}`);
      });
    await this.vacuumMatches('ANALYZE');
  }

  /**
   * Vacuums `matches` on a connection of its own, for as long as the swap's limit allows. A swap's
   * vacuum runs at full speed (the swapped-in table is read right after); the writers' own vacuums
   * in the background are paced as the server paces autovacuum (`autovacuum_vacuum_cost_delay`),
   * leaving the machine to the requests and set writes they run beside.
   */
  private async vacuumMatches(option: 'ANALYZE' | 'SKIP_LOCKED'): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.query(`SET statement_timeout = '${SWAP_TIMEOUT}'`);
      // (-1: autovacuum itself follows vacuum_cost_delay, which then stays as it is.)
      if (option === 'SKIP_LOCKED')
        await runner.query(
          `SELECT set_config('vacuum_cost_delay', d, false)
             FROM current_setting('autovacuum_vacuum_cost_delay') AS d WHERE d <> '-1'`,
        );
      await runner.query(`VACUUM (${option}) matches`);
    } finally {
      await runner.query('RESET vacuum_cost_delay').catch(() => undefined);
      await runner.query('RESET statement_timeout').catch(() => undefined);
      await runner.release();
    }
  }

  /** One COPY of rows already written out, on a connection of its own, outside any transaction. */
  private async copyIn(sql: string, text: Buffer): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await pipeline(Readable.from([text]), client.query(copyFrom(sql)));
    } finally {
      await runner.release();
    }
  }

  private async inTransaction<R>(work: (runner: QueryRunner, client: PoolClient) => Promise<R>): Promise<R> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.startTransaction();
      const result = await work(runner, client);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Removes every match of a vacancy or candidate that can no longer be matched. */
  async removeAll(side: MatchSide, ownerId: string): Promise<number> {
    const [, removed] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM matches WHERE ${SIDES[side].own} = $1`,
      [ownerId],
    );
    return removed;
  }
}

/**
 * Every row of `matches` replaced by the rows of `source` (a table or a subquery whose own
 * parameters follow `$1`, the score version) that belong to a set, as `takePlace` replaces them.
 * Other writers of `matches` wait from the start; readers go on reading the old rows.
 */
async function swapIn(
  runner: QueryRunner,
  source: string,
  params: unknown[],
): Promise<{ written: number; dropped: number }> {
  await runner.query('LOCK TABLE matches IN SHARE ROW EXCLUSIVE MODE');
  await runner.query('DROP TABLE IF EXISTS matches_next');
  await createLikeMatches(runner, 'matches_next');
  const { affected: inserted = 0 } = await runner.query(
    `INSERT INTO matches_next (vacancy_id, candidate_id, score, score_version, computed_at, explanation,
                               tie_break, in_vacancy_top, in_candidate_top)
     SELECT n.vacancy_id, n.candidate_id, n.score, $1, now(), n.explanation, n.tie_break,
            n.in_vacancy_top, n.in_candidate_top
       FROM ${source} n
      WHERE n.in_vacancy_top OR n.in_candidate_top`,
    [SCORE_VERSION, ...params],
    true,
  );
  return takePlace(runner, 'matches_next', inserted);
}

/** A new, empty table of `matches`' columns, defaults, checks and storage options, without indexes. */
async function createLikeMatches(runner: QueryRunner, table: string): Promise<void> {
  await runner.query(`CREATE TABLE ${table} (LIKE matches INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
  // Storage options (the table's own autovacuum thresholds) are the catalogue's, never input.
  const [{ options }] = (await runner.query(
    `SELECT reloptions AS options FROM pg_class WHERE oid = 'matches'::regclass`,
  )) as { options: string[] | null }[];
  if (options?.length) await runner.query(`ALTER TABLE ${table} SET (${options.join(', ')})`);
}

/**
 * `next`, holding `rows` new rows and nothing else yet, takes the place of `matches`, whose lock in
 * SHARE ROW EXCLUSIVE mode the transaction holds (other writers wait; readers go on reading the
 * old rows). Its indexes and constraints, read from the catalogue as `matches` has them, are built
 * in bulk. Then the tables its foreign keys reference are taken to itself (readers of vacancies and
 * candidates wait from there to the commit), the keys are added unchecked, rows whose vacancy or
 * candidate went meanwhile are removed, and the rename waits for readers of `matches`;
 * `validateSwapped` checks the keys after commit without blocking anyone.
 */
async function takePlace(
  runner: QueryRunner,
  next: string,
  rows: number,
): Promise<{ written: number; dropped: number }> {
  const [{ before }] = (await runner.query('SELECT count(*)::int AS before FROM matches')) as {
    before: number;
  }[];
  const indexes = (await runner.query(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition, c.conname AS constraint_name,
            pg_get_constraintdef(c.oid) AS constraint_definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
       LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid
      WHERE x.indrelid = 'matches'::regclass`,
  )) as { name: string; definition: string; constraint_name: string | null; constraint_definition: string }[];
  for (const index of indexes)
    await runner.query(
      index.constraint_name
        ? `ALTER TABLE ${next} ADD CONSTRAINT ${index.constraint_name}_next ${index.constraint_definition}`
        : index.definition.replace(
            /^CREATE (UNIQUE )?INDEX \S+ ON \S+ /,
            `CREATE $1INDEX ${index.name}_next ON ${next} `,
          ),
    );
  const foreignKeys = (await runner.query(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition, confrelid::regclass::text AS referenced
       FROM pg_constraint WHERE conrelid = 'matches'::regclass AND contype = 'f' ORDER BY referenced`,
  )) as { name: string; definition: string; referenced: string }[];
  // Dropping `matches` drops its keys' triggers on the tables they reference, which takes those
  // tables in ACCESS EXCLUSIVE mode. Taken here, before the new keys take them in a weaker mode:
  // a swap that held that weaker mode and then asked for the stronger one would deadlock with any
  // writer that had locked a row there (a profile update's SELECT ... FOR NO KEY UPDATE) and then waited
  // to update it. Until the commit, nothing reads or writes vacancies or candidates; the keys and
  // the removal of rows without their vacancy or candidate below are all that is left to run.
  // (Table names from the catalogue, never input.)
  if (foreignKeys.length > 0)
    await runner.query(
      `LOCK TABLE ${[...new Set(foreignKeys.map((key) => key.referenced))].join(', ')} IN ACCESS EXCLUSIVE MODE`,
    );
  for (const key of foreignKeys)
    await runner.query(
      `ALTER TABLE ${next} ADD CONSTRAINT ${key.name}_next ${key.definition.replace(/ NOT VALID$/, '')} NOT VALID`,
    );
  // One anti-join per side: an OR of two NOT EXISTS could only run as two lookups per row.
  let gone = 0;
  for (const [column, table] of [
    ['vacancy_id', VACANCIES_SQL],
    ['candidate_id', CANDIDATES_SQL],
  ] as const) {
    const { affected = 0 } = await runner.query(
      `DELETE FROM ${next} n WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = n.${column})`,
      [],
      true,
    );
    gone += affected;
  }
  const written = rows - gone;
  await runner.query('LOCK TABLE matches IN ACCESS EXCLUSIVE MODE');
  await runner.query('DROP TABLE matches');
  await runner.query(`ALTER TABLE ${next} RENAME TO matches`);
  for (const index of indexes)
    await runner.query(
      index.constraint_name
        ? `ALTER TABLE matches RENAME CONSTRAINT ${index.constraint_name}_next TO ${index.constraint_name}`
        : `ALTER INDEX ${index.name}_next RENAME TO ${index.name}`,
    );
  for (const key of foreignKeys)
    await runner.query(`ALTER TABLE matches RENAME CONSTRAINT ${key.name}_next TO ${key.name}`);
  return { written, dropped: Math.max(0, before - written) };
}

/**
 * Drops the tables of full re-matches that died before their end (a killed worker, a lost
 * connection). Only a run holding the full re-match lock calls it, so no such table is in use.
 */
async function dropDeadRuns(session: QueryRunner): Promise<void> {
  const tables = (await session.query(
    `SELECT relname AS name FROM pg_class
      WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace AND relname LIKE $1`,
    [`${RUN_TABLE_PREFIX.replaceAll('_', '\\_')}%`],
  )) as { name: string }[];
  for (const { name } of tables) if (RUN_TABLE.test(name)) await session.query(`DROP TABLE ${name}`);
}

import { CANDIDATES_SQL } from '@app/candidates';
import { VACANCIES_SQL } from '@app/vacancies';
import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import type { ExpectedMatch } from '../engine/expected-matches';
import { SCORE_VERSION } from '../scoring/score';
import { pairTie } from '../store/feature-store';
import { compactExplanation, type CompactExplanation } from './stored-explanation';

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

/** One ranked pair as it is written: the other side's id, the score and the stored explanation. */
export interface StoredRank {
  id: string;
  score: number;
  explanation: CompactExplanation;
}

export interface ReplaceSetInput {
  side: MatchSide;
  ownerId: string;
  /** Best first: the first `ownLimit` form the owner's set; the rest may enter the other side's sets. */
  ranked: readonly StoredRank[];
  ownLimit: number;
  /** Size of the other side's sets, to decide whether a pair enters them. */
  otherLimit: number;
}

/**
 * The `matches` table. A vacancy's (or candidate's) set is replaced in one transaction, so readers
 * and a crashed worker only ever leave the old complete set or the new complete one. Each pair is
 * also offered to the other side's set when it beats that set's lowest score; the other side's own
 * recomputation trims what no longer belongs there.
 */
@Injectable()
export class MatchResults {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async replaceSet(input: ReplaceSetInput): Promise<{ kept: number }> {
    const { own, other, ownTop, otherTop } = SIDES[input.side];
    const rows = input.ranked.map((match, position) => ({
      other_id: match.id,
      score: match.score,
      tie: input.side === 'vacancy' ? pairTie(input.ownerId, match.id) : pairTie(match.id, input.ownerId),
      explanation: match.explanation,
      own: position < input.ownLimit,
    }));
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE matches SET ${ownTop} = false WHERE ${own} = $1 AND ${ownTop}`, [
        input.ownerId,
      ]);
      const kept = await manager.query<{ id: string }[]>(
        `WITH x AS (
           SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(other_id uuid, score real, tie integer, explanation jsonb, own boolean)
         ), floors AS (
           SELECT m.${other} AS other_id, count(*) AS n, min(m.score) AS floor
             FROM matches m JOIN x ON x.other_id = m.${other}
            WHERE m.${otherTop} AND m.${own} <> $1 GROUP BY m.${other}
         ), q AS (
           SELECT x.*, (f.n IS NULL OR f.n < $3 OR x.score > f.floor) AS enters
             FROM x LEFT JOIN floors f ON f.other_id = x.other_id
         )
         INSERT INTO matches (${own}, ${other}, score, score_version, computed_at, explanation, tie_break, ${ownTop}, ${otherTop})
         SELECT $1, q.other_id, q.score, $4, now(), q.explanation, q.tie, q.own, q.enters
           FROM q JOIN ${OTHER_SIDE[input.side]} t ON t.id = q.other_id
          WHERE q.own OR q.enters
          ORDER BY q.other_id
         ON CONFLICT (vacancy_id, candidate_id) DO UPDATE SET
           score = EXCLUDED.score, score_version = EXCLUDED.score_version, computed_at = EXCLUDED.computed_at,
           explanation = EXCLUDED.explanation, tie_break = EXCLUDED.tie_break, ${ownTop} = EXCLUDED.${ownTop},
           ${otherTop} = matches.${otherTop} OR EXCLUDED.${otherTop}
         RETURNING ${other} AS id`,
        [input.ownerId, JSON.stringify(rows), input.otherLimit, SCORE_VERSION],
      );
      await manager.query(
        `DELETE FROM matches WHERE ${own} = $1 AND NOT in_vacancy_top AND NOT in_candidate_top`,
        [input.ownerId],
      );
      return { kept: kept.length };
    });
  }

  /**
   * Replaces every set at once with these rows: they stream into a temporary table through COPY,
   * then one short step under a lock that blocks other writers but not readers swaps them in.
   * Readers see the old sets or the new ones, never a mix; employers' statuses live in
   * `match_statuses` and are untouched. Pairs whose vacancy or candidate was deleted meanwhile
   * are left out.
   */
  async replaceAll(rows: AsyncIterable<ExpectedMatch>): Promise<{ written: number; dropped: number }> {
    return this.inTransaction(async (runner, client) => {
      await runner.query(
        `CREATE TEMP TABLE matches_next (vacancy_id uuid, candidate_id uuid, score real, explanation jsonb,
           tie_break integer, in_vacancy_top boolean, in_candidate_top boolean) ON COMMIT DROP`,
      );
      await pipeline(
        Readable.from(copyLines(rows)),
        client.query(
          copyFrom(
            `COPY matches_next (vacancy_id, candidate_id, score, explanation, tie_break, in_vacancy_top,
               in_candidate_top) FROM STDIN`,
          ),
        ),
      );
      return swapIn(runner, 'matches_next', []);
    });
  }

  /**
   * One shard's part of a sharded full re-match: its rows (its candidates' sets, and every vacancy's
   * best candidates among its own) staged under the run's id. Staging again replaces the shard's rows,
   * so a retried shard job leaves one copy.
   */
  async stage(runId: string, shard: number, rows: AsyncIterable<ExpectedMatch>): Promise<void> {
    await this.inTransaction(async (runner, client) => {
      await runner.query('DELETE FROM match_refresh_rows WHERE run_id = $1 AND shard = $2', [runId, shard]);
      await pipeline(
        Readable.from(copyLines(rows, `${runId}\t${shard}\t`)),
        client.query(
          copyFrom(
            `COPY match_refresh_rows (run_id, shard, vacancy_id, candidate_id, score, explanation, tie_break,
               in_vacancy_top, in_candidate_top) FROM STDIN`,
          ),
        ),
      );
    });
  }

  /**
   * Replaces every set with what the shards staged for this run, as `replaceAll` does: each
   * vacancy's set is its best `topPerVacancy` over all shards' candidates, in the engine's order
   * (score, then the pair's tie value, then candidate id); candidates' sets are whole in their
   * shard. The run's rows, and any left by runs that never merged, are removed in the same step.
   */
  async replaceAllStaged(
    runId: string,
    topPerVacancy: number,
  ): Promise<{ written: number; dropped: number }> {
    return this.inTransaction(async (runner) => {
      const merged = await swapIn(
        runner,
        `(SELECT s.vacancy_id, s.candidate_id, s.score, s.explanation, s.tie_break, s.in_candidate_top,
                 s.in_vacancy_top AND row_number() OVER (PARTITION BY s.vacancy_id, s.in_vacancy_top
                   ORDER BY s.score DESC, s.tie_break, s.candidate_id) <= $3 AS in_vacancy_top
            FROM match_refresh_rows s WHERE s.run_id = $2)`,
        [runId, topPerVacancy],
      );
      await runner.query(
        `DELETE FROM match_refresh_rows WHERE run_id = $1 OR staged_at < now() - interval '1 day'`,
        [runId],
      );
      return merged;
    });
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
 * Under a lock that blocks other writers of `matches` but not its readers, every row is replaced by
 * the rows of `source` (a table or a subquery whose own parameters follow `$1`, the score version)
 * whose vacancy and candidate still exist.
 */
async function swapIn(
  runner: QueryRunner,
  source: string,
  params: unknown[],
): Promise<{ written: number; dropped: number }> {
  await runner.query('LOCK TABLE matches IN SHARE ROW EXCLUSIVE MODE');
  const { affected: dropped = 0 } = await runner.query('DELETE FROM matches', [], true);
  const { affected: written = 0 } = await runner.query(
    `INSERT INTO matches (vacancy_id, candidate_id, score, score_version, computed_at, explanation,
                          tie_break, in_vacancy_top, in_candidate_top)
     SELECT n.vacancy_id, n.candidate_id, n.score, $1, now(), n.explanation, n.tie_break,
            n.in_vacancy_top, n.in_candidate_top
       FROM ${source} n
      WHERE (n.in_vacancy_top OR n.in_candidate_top)
        AND EXISTS (SELECT 1 FROM ${VACANCIES_SQL} v WHERE v.id = n.vacancy_id)
        AND EXISTS (SELECT 1 FROM ${CANDIDATES_SQL} c WHERE c.id = n.candidate_id)`,
    [SCORE_VERSION, ...params],
    true,
  );
  return { written, dropped: Math.max(0, dropped - written) };
}

/**
 * COPY text lines, a thousand rows per chunk, each after `lead` (leading columns); JSON holds no
 * tabs or newlines, only backslashes to double.
 */
async function* copyLines(rows: AsyncIterable<ExpectedMatch>, lead = ''): AsyncGenerator<string> {
  let chunk = '';
  let count = 0;
  for await (const row of rows) {
    const explanation = JSON.stringify(compactExplanation(row.explanation)).replaceAll('\\', '\\\\');
    chunk += `${lead}${row.vacancyId}\t${row.candidateId}\t${row.score}\t${explanation}\t${row.tie}\t${row.inVacancyTop ? 't' : 'f'}\t${row.inCandidateTop ? 't' : 'f'}\n`;
    if (++count === 1000) {
      yield chunk;
      chunk = '';
      count = 0;
    }
  }
  if (chunk) yield chunk;
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RankedMatch } from '../store/feature-store';
import { SCORE_VERSION } from '../scoring/score';

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
const OTHER_TABLE = { vacancy: 'candidates', candidate: 'vacancies' } as const;

export interface ReplaceSetInput {
  side: MatchSide;
  ownerId: string;
  /** Best first: the first `ownLimit` form the owner's set; the rest may enter the other side's sets. */
  ranked: readonly RankedMatch[];
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
      explanation: match.explanation,
      own: position < input.ownLimit,
    }));
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE matches SET ${ownTop} = false WHERE ${own} = $1 AND ${ownTop}`, [
        input.ownerId,
      ]);
      const kept = await manager.query<{ id: string }[]>(
        `WITH x AS (
           SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(other_id uuid, score real, explanation jsonb, own boolean)
         ), floors AS (
           SELECT m.${other} AS other_id, count(*) AS n, min(m.score) AS floor
             FROM matches m JOIN x ON x.other_id = m.${other}
            WHERE m.${otherTop} AND m.${own} <> $1 GROUP BY m.${other}
         ), q AS (
           SELECT x.*, (f.n IS NULL OR f.n < $3 OR x.score > f.floor) AS enters
             FROM x LEFT JOIN floors f ON f.other_id = x.other_id
         )
         INSERT INTO matches (${own}, ${other}, score, score_version, computed_at, explanation, ${ownTop}, ${otherTop})
         SELECT $1, q.other_id, q.score, $4, now(), q.explanation, q.own, q.enters
           FROM q JOIN ${OTHER_TABLE[input.side]} t ON t.id = q.other_id
          WHERE q.own OR q.enters
          ORDER BY q.other_id
         ON CONFLICT (vacancy_id, candidate_id) DO UPDATE SET
           score = EXCLUDED.score, score_version = EXCLUDED.score_version, computed_at = EXCLUDED.computed_at,
           explanation = EXCLUDED.explanation, ${ownTop} = EXCLUDED.${ownTop},
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

  /** Removes every match of a vacancy or candidate that can no longer be matched. */
  async removeAll(side: MatchSide, ownerId: string): Promise<number> {
    const [, removed] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM matches WHERE ${SIDES[side].own} = $1`,
      [ownerId],
    );
    return removed;
  }
}

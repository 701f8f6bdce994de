import { CANDIDATES_SQL } from '@app/candidates';
import { Employers } from '@app/employers';
import { MATCHES_SQL } from '@app/matching';
import { VACANCIES_SQL } from '@app/vacancies';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { NotificationCentre } from './notification-centre.service';

/** Per side: which top set shows the pair, and who owns the pair on that side. */
const SIDES = {
  employer: {
    inTop: 'm.in_vacancy_top',
    owner: `SELECT v.organisation_id AS owner, count(*)::int AS n
              FROM fresh f JOIN ${VACANCIES_SQL} v ON v.id = f.vacancy_id GROUP BY v.organisation_id`,
  },
  candidate: {
    inTop: 'm.in_candidate_top',
    owner: `SELECT c.account_id AS owner, count(*)::int AS n
              FROM fresh f JOIN ${CANDIDATES_SQL} c ON c.id = f.candidate_id GROUP BY c.account_id`,
  },
} as const;

/**
 * Counts, for each employer organisation and each candidate, the matches that entered their top set
 * since the last run, and notifies them (by default in the digest). The pairs are recorded as
 * announced first: a crash before the notification loses that count rather than repeating it. A
 * pair that leaves the top set is forgotten, so it is announced again if it comes back.
 */
@Injectable()
export class NewMatchNotices {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly centre: NotificationCentre,
    private readonly employers: Employers,
  ) {}

  async send(): Promise<number> {
    const run = randomUUID();
    let notified = 0;
    for (const side of ['employer', 'candidate'] as const) {
      await this.dataSource.query(
        `DELETE FROM match_notices n WHERE n.side = $1 AND NOT EXISTS (
           SELECT 1 FROM ${MATCHES_SQL} m
            WHERE m.vacancy_id = n.vacancy_id AND m.candidate_id = n.candidate_id AND ${SIDES[side].inTop})`,
        [side],
      );
      const owners: { owner: string; n: number }[] = await this.dataSource.query(
        `WITH fresh AS (
           INSERT INTO match_notices (side, vacancy_id, candidate_id)
           SELECT $1, m.vacancy_id, m.candidate_id FROM ${MATCHES_SQL} m WHERE ${SIDES[side].inTop}
           ON CONFLICT DO NOTHING RETURNING vacancy_id, candidate_id
         ) ${SIDES[side].owner}`,
        [side],
      );
      for (const { owner, n } of owners) {
        notified += await this.centre.notify({
          accountIds: side === 'employer' ? await this.employers.accountIdsOf(owner) : [owner],
          kind: 'new_matches',
          params: { count: String(n) },
          dedupKey: `new-matches:${run}:${side}:${owner}`,
        });
      }
    }
    return notified;
  }
}

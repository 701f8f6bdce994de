import { CANDIDATES_SQL, candidatesOfCountrySql } from '@app/candidates';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The same population a country's matching job re-reads: residents and citizens of the country. */
const OF_COUNTRY = `c.id IN ${candidatesOfCountrySql('$1')}`;

/** What a change to a country's eligibility does to stored matches, read without changing anything. */
@Injectable()
export class CountryMatchImpact {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stored matches of the country's candidates: what a suspension removes, and of how many candidates. */
  async stored(countryCode: string): Promise<{ matches: number; candidates: number }> {
    const [row] = await this.dataSource.query<{ matches: number; candidates: number }[]>(
      `SELECT count(*)::int AS matches, count(DISTINCT m.candidate_id)::int AS candidates
         FROM matches m JOIN ${CANDIDATES_SQL} c ON c.id = m.candidate_id WHERE ${OF_COUNTRY}`,
      [countryCode.toUpperCase()],
    );
    return row;
  }

  /** Candidates of the country that lifting a suspension returns to matching (active, available, unexpired). */
  async returning(countryCode: string): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${CANDIDATES_SQL} c
        WHERE c.status = 'active' AND c.availability = 'available'
          AND (c.expires_at IS NULL OR c.expires_at > now()) AND ${OF_COUNTRY}`,
      [countryCode.toUpperCase()],
    );
    return row.n;
  }
}

import { ACCOUNT_ADDRESSES_SQL } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface CountryImpact {
  countryCode: string;
  /** Active profiles residing in or holding the citizenship of the country (each counted once). */
  activeCandidates: number;
  activeResidents: number;
  activeCitizens: number;
}

/** For the partner-country impact preview: how many active candidates a status change would touch. */
@Injectable()
export class CandidateCountryImpact {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countActiveAffected(countryCode: string, manager?: EntityManager): Promise<CountryImpact> {
    const code = countryCode.toUpperCase();
    const [row]: { total: number; residents: number; citizens: number }[] = await (
      manager ?? this.dataSource.manager
    ).query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE residence_country = $1)::int AS residents,
              count(*) FILTER (WHERE citizenships @> ARRAY[$1]::char(2)[])::int AS citizens
         FROM candidates
        WHERE status = 'active' AND (residence_country = $1 OR citizenships @> ARRAY[$1]::char(2)[])`,
      [code],
    );
    return {
      countryCode: code,
      activeCandidates: row.total,
      activeResidents: row.residents,
      activeCitizens: row.citizens,
    };
  }

  /** The accounts of the same population, to notify them after the change. */
  async activeAffectedAccountIds(countryCode: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ account_id: string }[]>(
      `SELECT account_id FROM candidates
        WHERE status = 'active' AND (residence_country = $1 OR citizenships @> ARRAY[$1]::char(2)[])
        ORDER BY id`,
      [countryCode.toUpperCase()],
    );
    return rows.map((row) => row.account_id);
  }

  /** The addresses of the same population, to tell them of a change (in the change's transaction). */
  async activeAffectedAddresses(countryCode: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<{ email: string }[]>(
      `SELECT a.email FROM candidates c JOIN ${ACCOUNT_ADDRESSES_SQL} a ON a.id = c.account_id
        WHERE c.status = 'active' AND (c.residence_country = $1 OR c.citizenships @> ARRAY[$1]::char(2)[])
        ORDER BY c.id`,
      [countryCode.toUpperCase()],
    );
    return rows.map((row) => row.email);
  }
}

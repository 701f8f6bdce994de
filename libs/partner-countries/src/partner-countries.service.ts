import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  allowsCandidates,
  DEFAULT_PARTNER_COUNTRY_STATUS,
  type PartnerCountryListing,
  type PartnerCountryStatus,
  type PartnerCountryStatusRecord,
  type PartnerCountryStatusView,
} from './partner-country-status';

/** Read side of partner-country eligibility: which status applies to a country on a date. */
@Injectable()
export class PartnerCountries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The latest status effective on `date` (ties broken by the most recent recording). A third
   * country without rows is `eligible`. Whether the country is in the EU-27 is a separate rule.
   */
  async statusOn(
    countryCode: string,
    date: Date | string,
    manager?: EntityManager,
  ): Promise<PartnerCountryStatusView> {
    const statuses = await this.statusesOn([countryCode], date, manager);
    return statuses.get(countryCode.toUpperCase()) ?? defaultStatus(countryCode.toUpperCase());
  }

  /** `statusOn` for several countries in one query; every requested code is in the result. */
  async statusesOn(
    countryCodes: readonly string[],
    date: Date | string,
    manager?: EntityManager,
  ): Promise<Map<string, PartnerCountryStatusView>> {
    const codes = [...new Set(countryCodes.map((code) => code.toUpperCase()))];
    const rows = await (manager ?? this.dataSource.manager).query<
      { country_code: string; status: PartnerCountryStatus; effective_from: string; reason: string }[]
    >(
      `SELECT DISTINCT ON (country_code) country_code, status, effective_from::text AS effective_from, reason
         FROM partner_country_statuses
        WHERE country_code = ANY($1::text[]) AND effective_from <= $2::date
        ORDER BY country_code, effective_from DESC, recorded_at DESC`,
      [codes, isoDate(date)],
    );
    const result = new Map(codes.map((code) => [code, defaultStatus(code)]));
    for (const row of rows) {
      result.set(row.country_code, {
        countryCode: row.country_code,
        status: row.status,
        effectiveFrom: row.effective_from,
        reason: row.reason,
      });
    }
    return result;
  }

  /** Records a status from its effective day; the history keeps every row. */
  async record(
    manager: EntityManager,
    entry: {
      countryCode: string;
      status: PartnerCountryStatus;
      effectiveFrom: string;
      reason: string;
      recordedBy: string | null;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO partner_country_statuses (country_code, status, effective_from, reason, recorded_by)
       VALUES ($1, $2, $3, $4, $5)`,
      [entry.countryCode.toUpperCase(), entry.status, entry.effectiveFrom, entry.reason, entry.recordedBy],
    );
  }

  /** Countries with at least one status effective on `date`, in code order. */
  async countriesWithStatusOn(date: Date | string): Promise<string[]> {
    const rows = await this.dataSource.query<{ country_code: string }[]>(
      `SELECT DISTINCT country_code FROM partner_country_statuses WHERE effective_from <= $1::date ORDER BY 1`,
      [isoDate(date)],
    );
    return rows.map((row) => row.country_code);
  }

  /**
   * Every country with a recorded status, in code order: the status in force on `date` (null before
   * the first one applies: the country is then implicitly eligible) and the next recorded change.
   */
  async listOn(date: Date | string): Promise<PartnerCountryListing[]> {
    const rows = await this.dataSource.query<
      {
        country_code: string;
        status: PartnerCountryStatus | null;
        effective_from: string | null;
        reason: string | null;
        next_status: PartnerCountryStatus | null;
        next_effective_from: string | null;
      }[]
    >(
      `SELECT c.country_code, cur.status, cur.effective_from::text AS effective_from, cur.reason,
              nxt.status AS next_status, nxt.effective_from::text AS next_effective_from
         FROM (SELECT DISTINCT country_code FROM partner_country_statuses) c
         LEFT JOIN LATERAL (
           SELECT status, effective_from, reason FROM partner_country_statuses p
            WHERE p.country_code = c.country_code AND p.effective_from <= $1::date
            ORDER BY effective_from DESC, recorded_at DESC LIMIT 1) cur ON true
         LEFT JOIN LATERAL (
           SELECT status, effective_from FROM partner_country_statuses p
            WHERE p.country_code = c.country_code AND p.effective_from > $1::date
            ORDER BY effective_from, recorded_at DESC LIMIT 1) nxt ON true
        ORDER BY c.country_code`,
      [isoDate(date)],
    );
    return rows.map((row) => ({
      countryCode: row.country_code,
      status: row.status ?? DEFAULT_PARTNER_COUNTRY_STATUS,
      effectiveFrom: row.effective_from,
      reason: row.reason,
      next:
        row.next_status && row.next_effective_from
          ? { status: row.next_status, effectiveFrom: row.next_effective_from }
          : null,
    }));
  }

  /** Every status recorded for the country, oldest effective first. */
  async history(countryCode: string): Promise<PartnerCountryStatusRecord[]> {
    const rows = await this.dataSource.query<
      {
        status: PartnerCountryStatus;
        effective_from: string;
        reason: string;
        recorded_by: string | null;
        recorded_at: Date;
      }[]
    >(
      `SELECT status, effective_from::text AS effective_from, reason, recorded_by, recorded_at
         FROM partner_country_statuses WHERE country_code = $1 ORDER BY effective_from, recorded_at`,
      [countryCode.toUpperCase()],
    );
    return rows.map((row) => ({
      status: row.status,
      effectiveFrom: row.effective_from,
      reason: row.reason,
      recordedBy: row.recorded_by,
      recordedAt: row.recorded_at,
    }));
  }

  allowsCandidates(status: PartnerCountryStatus): boolean {
    return allowsCandidates(status);
  }
}

function defaultStatus(countryCode: string): PartnerCountryStatusView {
  return { countryCode, status: DEFAULT_PARTNER_COUNTRY_STATUS, effectiveFrom: null, reason: null };
}

function isoDate(date: Date | string): string {
  return typeof date === 'string' ? date : date.toISOString().slice(0, 10);
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  allowsCandidates,
  DEFAULT_PARTNER_COUNTRY_STATUS,
  type PartnerCountryStatus,
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

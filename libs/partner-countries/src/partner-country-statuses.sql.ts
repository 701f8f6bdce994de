import { sqlOperand } from '@app/common';
import { allowsCandidates, PARTNER_COUNTRY_STATUSES } from './partner-country-status';

const REFUSING = PARTNER_COUNTRY_STATUSES.filter((status) => !allowsCandidates(status))
  .map((status) => `'${status}'`)
  .join(', ');

/**
 * For SQL readers, the status effective on `day` (a date parameter or `current_date`) of each
 * country that has one: a relation of `country_code` and `status`. Countries without a row have
 * the default status.
 */
export function partnerCountryStatusesOnSql(day: string): string {
  return `(SELECT DISTINCT ON (country_code) country_code, status FROM partner_country_statuses
     WHERE effective_from <= ${sqlOperand(day)} ORDER BY country_code, effective_from DESC, recorded_at DESC)`;
}

/** `!allowsCandidates` for SQL readers: the countries whose status on `day` refuses candidates. */
export function countriesRefusingCandidatesSql(day: string): string {
  return `(SELECT country_code FROM ${partnerCountryStatusesOnSql(day)} latest WHERE status IN (${REFUSING}))`;
}

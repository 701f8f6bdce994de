/**
 * The EU-27 by ISO 3166-1 alpha-2 code (Greece as GR). The `countries` table's `eu_member` flag is
 * seeded from this list; whether a state participates in the Talent Pool is a separate rule.
 */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
]);

export function isEuMemberState(code: string): boolean {
  return EU_MEMBER_STATES.has(code.toUpperCase());
}

/** `isEuMemberState` for SQL readers: a relation with one column, `country_code`. */
export const EU_MEMBER_COUNTRIES_SQL = '(SELECT alpha2 AS country_code FROM countries WHERE eu_member)';

/** Every country for SQL readers: a relation of `alpha2` and `name`. */
export const COUNTRIES_SQL = '(SELECT alpha2, name FROM countries)';

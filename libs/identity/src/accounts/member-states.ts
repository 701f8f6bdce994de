/**
 * The EU-27 by ISO 3166-1 alpha-2 code (Greece as GR). An NCP belongs to one of them; whether
 * that state currently participates in the Talent Pool is reference data checked by other features.
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
  return EU_MEMBER_STATES.has(code);
}

import { allowsCandidates, type PartnerCountryStatus } from '@app/partner-countries';

export type VisibilityChange = 'hidden' | 'restored' | 'none';

/** What a status change does to the country's candidates in search and matching. */
export function visibilityChange(
  before: PartnerCountryStatus,
  after: PartnerCountryStatus,
): VisibilityChange {
  const was = allowsCandidates(before);
  const will = allowsCandidates(after);
  if (was === will) return 'none';
  return will ? 'restored' : 'hidden';
}

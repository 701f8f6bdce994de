import type { PartnerCountryStatus } from '@app/partner-countries';
import type { VisibilityChange } from './country-impact';

export interface StatusChangeInput {
  status: PartnerCountryStatus;
  /** YYYY-MM-DD; a future date is recorded now and applied when it comes. */
  effectiveFrom: string;
  reason: string;
}

/**
 * Stored matches a change would touch. A suspension removes every stored match of the country's
 * candidates, so that count is exact; what lifting one restores is only known once the returning
 * candidates are re-matched, so it is reported as not computed (with how many candidates return)
 * rather than as zero.
 */
export type MatchesImpact =
  | { effect: 'removed'; computed: true; affected: number; candidates: number }
  | { effect: 'restored'; computed: false; affected: null; candidates: number; reason: string }
  | { effect: 'none'; computed: true; affected: 0; candidates: 0 };

export interface CountryImpactPreview {
  countryCode: string;
  currentStatus: PartnerCountryStatus;
  proposedStatus: PartnerCountryStatus;
  effectiveFrom: string;
  visibility: VisibilityChange;
  /** Active profiles residing in or holding the citizenship of the country. */
  activeProfiles: number;
  /** Profiles that would leave (hidden) or return to (restored) search and matching. */
  profilesAffected: number;
  matches: MatchesImpact;
}

export interface AppliedCountryChange {
  countryCode: string;
  before: PartnerCountryStatus;
  after: PartnerCountryStatus;
  visibility: VisibilityChange;
  profilesAffected: number;
  candidatesNotified: number;
}

export interface StatusChangeResult {
  countryCode: string;
  status: PartnerCountryStatus;
  effectiveFrom: string;
  reason: string;
  /** Null when the change takes effect later (the scheduled job applies it then). */
  applied: AppliedCountryChange | null;
}

export interface StatusHistoryEntry {
  status: PartnerCountryStatus;
  effectiveFrom: string;
  reason: string;
  recordedBy: string | null;
  recordedAt: Date;
}

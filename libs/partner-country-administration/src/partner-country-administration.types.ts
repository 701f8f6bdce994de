import type { PartnerCountryStatus } from '@app/partner-countries';
import type { VisibilityChange } from './country-impact';

export interface StatusChangeInput {
  status: PartnerCountryStatus;
  /** YYYY-MM-DD; a future date is recorded now and applied when it comes. */
  effectiveFrom: string;
  reason: string;
}

/** Matching does not exist yet: the count is reported as not computed rather than as zero. */
export type MatchesImpact =
  { computed: true; affected: number } | { computed: false; affected: null; reason: string };

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

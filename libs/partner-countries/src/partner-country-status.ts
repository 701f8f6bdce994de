export const PARTNER_COUNTRY_STATUSES = ['eligible', 'talent_partnership', 'suspended'] as const;
export type PartnerCountryStatus = (typeof PARTNER_COUNTRY_STATUSES)[number];

/** What a third country without any status row is. */
export const DEFAULT_PARTNER_COUNTRY_STATUS: PartnerCountryStatus = 'eligible';

/** Whether residents or citizens of a country with this status may be candidates (and be found). */
export function allowsCandidates(status: PartnerCountryStatus): boolean {
  switch (status) {
    case 'eligible':
    case 'talent_partnership':
      return true;
    case 'suspended':
      return false;
  }
}

export interface PartnerCountryStatusView {
  countryCode: string;
  status: PartnerCountryStatus;
  /** ISO date (YYYY-MM-DD) from which the status applies; null for the implicit default. */
  effectiveFrom: string | null;
  reason: string | null;
}

export interface PartnerCountryStatusRecord {
  status: PartnerCountryStatus;
  effectiveFrom: string;
  reason: string;
  recordedBy: string | null;
  recordedAt: Date;
}

/** A country's status in force on a day and its next recorded change, for the public list. */
export interface PartnerCountryListing extends PartnerCountryStatusView {
  next: { status: PartnerCountryStatus; effectiveFrom: string } | null;
}

export const SHORTAGE_LAYERS = ['eu', 'member_state'] as const;
export type ShortageLayer = (typeof SHORTAGE_LAYERS)[number];

export const SHORTAGE_EFFECTS = ['addition', 'removal'] as const;
export type ShortageEffect = (typeof SHORTAGE_EFFECTS)[number];

/** Sectors grouping shortage occupations; fixed by the platform, seeded into `shortage_sectors`. */
export const SHORTAGE_SECTORS = [
  { code: 'healthcare', name: 'Healthcare and care' },
  { code: 'construction', name: 'Construction' },
  { code: 'ict', name: 'Information and communication technology' },
  { code: 'transport_logistics', name: 'Transport and logistics' },
  { code: 'hospitality', name: 'Hospitality and food services' },
  { code: 'manufacturing', name: 'Manufacturing and metalworking' },
  { code: 'energy', name: 'Energy and utilities' },
  { code: 'agriculture', name: 'Agriculture, forestry and fishing' },
  { code: 'education', name: 'Education' },
  { code: 'other', name: 'Other' },
] as const;
export type ShortageSectorCode = (typeof SHORTAGE_SECTORS)[number]['code'];
export const SHORTAGE_SECTOR_CODES = SHORTAGE_SECTORS.map((sector) => sector.code);

/** One version of a shortage-list entry. Dates are ISO `YYYY-MM-DD`; `validTo` is the last valid day. */
export interface ShortageEntry {
  /** Id of this version row. */
  id: string;
  /** Stable id of the entry across its versions. */
  entryId: string;
  version: number;
  layer: ShortageLayer;
  memberState: string | null;
  effect: ShortageEffect;
  occupationUri: string | null;
  iscoCode: string | null;
  sectorCode: string;
  validFrom: string;
  validTo: string | null;
  withdrawn: boolean;
  reason: string;
  source: string | null;
  recordedBy: string | null;
  recordedAt: Date;
  supersededAt: Date | null;
}

export interface ShortageSector {
  code: string;
  name: string;
}

export interface NewShortageEntry {
  layer: ShortageLayer;
  memberState?: string;
  effect: ShortageEffect;
  occupationUri?: string;
  iscoCode?: string;
  sectorCode: string;
  validFrom: string;
  validTo?: string | null;
  reason: string;
}

export interface ShortageEntryRevision {
  sectorCode?: string;
  validFrom?: string;
  validTo?: string | null;
  reason: string;
}

/** What applies in one Member State on one day: the additions that count and the removals applied. */
export interface ResolvedShortageList {
  memberState: string;
  date: string;
  entries: ShortageEntry[];
  removals: ShortageEntry[];
}

export interface ShortageCheck {
  inShortage: boolean;
  /** The addition that puts the occupation in shortage, or null. */
  entry: ShortageEntry | null;
  /** The removal that takes it out again, when one applies. */
  removedBy: ShortageEntry | null;
}

export interface OccupationRef {
  uri: string;
  iscoCode: string;
}

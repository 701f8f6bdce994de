export const EMPLOYER_ENTITY_TYPES = [
  'employer',
  'temporary_work_agency',
  'private_employment_agency',
  'labour_market_intermediary',
] as const;
export type EmployerEntityType = (typeof EMPLOYER_ENTITY_TYPES)[number];

export interface Country {
  alpha2: string;
  alpha3: string;
  numericCode: string;
  name: string;
  region: string | null;
  euMember: boolean;
  /** Eurostat code of an EU member (`EL` for Greece), null otherwise. */
  euCode: string | null;
}

export interface Language {
  code: string;
  name: string;
}

export interface CefrLevel {
  code: string;
  rank: number;
  name: string;
}

export interface EqfLevel {
  level: number;
  description: string;
}

export interface MemberState {
  countryCode: string;
  name: string;
  participating: boolean;
  /** ISO dates (YYYY-MM-DD). */
  participationStartDate: string | null;
  notificationDate: string | null;
  withdrawalDate: string | null;
  allowedEntityTypes: EmployerEntityType[];
}

export interface ReferenceSeedReport {
  countries: number;
  languages: number;
  memberStatesAdded: number;
}

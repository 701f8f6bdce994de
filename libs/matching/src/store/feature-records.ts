import type { CompiledCandidate, CompiledVacancy } from '../scoring/compiled';

/** What decides whether a candidate may be matched at all; kept apart from the scoring input. */
export interface CandidateGate {
  status: string;
  availability: string;
  expiresAt: number | null;
  /** Residence and citizenships: read only to apply country eligibility, never to score. */
  countries: readonly string[];
}

export interface VacancyGate {
  status: string;
  expiresAt: number | null;
  organisationId: string;
}

export interface CandidateRecord {
  slot: number;
  compiled: CompiledCandidate;
  gate: CandidateGate;
}

export interface VacancyRecord {
  slot: number;
  compiled: CompiledVacancy;
  gate: VacancyGate;
  bounds: VacancyBounds;
}

/** The most each part of a vacancy's score can give, for pruning; see `vacancyBounds`. */
export interface VacancyBounds {
  /** Candidate skill id → the most skill credit holding it can earn (summed over what it covers). */
  skills: Map<number, number>;
  /** Candidates who declare the vacancy's occupation: occupation and experience at full. */
  occupation: number;
  /** Candidates with an occupation in its ISCO unit group: a sibling's occupation credit, experience at full. */
  unit: number;
  /** Candidates with an occupation in its ISCO minor group: that occupation credit. */
  group: number;
  /** The Member State factor at full. */
  memberState: number;
  /** Languages, education and start date, all at full credit. */
  rest: number;
}

/** Facts that change rarely and apply to many records at once. */
export interface EligibilityFacts {
  verifiedEmployers: ReadonlySet<string>;
  participatingStates: ReadonlySet<string>;
  /** EU-27 members and suspended partner countries: their residents and citizens are not matched. */
  blockedCountries: ReadonlySet<string>;
}

export function candidateEligible(gate: CandidateGate, facts: EligibilityFacts, now: number): boolean {
  return (
    gate.status === 'active' &&
    gate.availability === 'available' &&
    (gate.expiresAt === null || gate.expiresAt > now) &&
    gate.countries.every((code) => !facts.blockedCountries.has(code))
  );
}

export function vacancyMatchable(record: VacancyRecord, facts: EligibilityFacts, now: number): boolean {
  return (
    record.gate.status === 'published' &&
    (record.gate.expiresAt === null || record.gate.expiresAt > now) &&
    facts.verifiedEmployers.has(record.gate.organisationId) &&
    facts.participatingStates.has(record.compiled.input.memberState)
  );
}

/**
 * What the scoring function may read about a vacancy. Identity, contact and pay are left out:
 * they say nothing about fit.
 */
export interface MatchVacancyInput {
  id: string;
  occupationUri: string;
  iscoCode: string;
  memberState: string;
  /** ISO date; null when the start is open. */
  startDate: string | null;
  skills: readonly { uri: string; requirement: 'essential' | 'optional' }[];
  languages: readonly { code: string; minCefrRank: number; requirement: 'required' | 'preferred' }[];
  minEqfLevel: number | null;
  minExperienceYears: number | null;
}

/**
 * Everything the scoring function may read about a candidate, and nothing more: no name, gender,
 * date of birth or age, nationality, residence, photo, contact data or programme. A unit test keeps
 * this list exact.
 */
export interface MatchCandidateInput {
  id: string;
  occupations: readonly { uri: string; iscoCode: string; yearsOfExperience: number }[];
  skills: readonly string[];
  languages: readonly { code: string; cefrRank: number }[];
  /** Highest EQF level of the candidate's education; null without any. */
  eqfLevel: number | null;
  preferredMemberStates: readonly string[];
  /** ISO date; null when available now. */
  earliestStartDate: string | null;
}

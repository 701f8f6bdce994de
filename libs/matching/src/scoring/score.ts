import { RELATION_CODES, type CompiledCandidate, type CompiledVacancy } from './compiled';
import {
  MATCH_FACTORS,
  type MatchFactor,
  type MatchWeights,
  type ProximityCredits,
  type SkillRelation,
} from './factors';
import type { SkillSpace } from './skill-space';

/** Raised whenever the scoring rules change, so stored scores say which rules produced them. */
export const SCORE_VERSION = 3;

export interface ScoringModel {
  /** Normalised: they sum to 1. */
  weights: MatchWeights;
  proximity: ProximityCredits;
  /** `hard`: a required language below the vacancy's CEFR level excludes the candidate. */
  languageMode: 'hard' | 'soft';
  space: SkillSpace;
}

export interface FactorContribution {
  factor: MatchFactor;
  /** Share of the score this factor can give for this vacancy (0 when the vacancy does not ask). */
  weight: number;
  /** 0–1: how far the candidate meets it. */
  value: number;
  /** weight × value; the contributions add up to the score. */
  contribution: number;
}

export interface MatchedSkill {
  uri: string;
  requirement: 'essential' | 'optional';
  relation: SkillRelation;
  /** The candidate's skill that covers it (the same URI when the relation is exact). */
  via: string;
  credit: number;
}

/** Stored with each match, with URIs only: labels are rendered in the reader's language. */
export interface MatchExplanation {
  scoreVersion: number;
  factors: FactorContribution[];
  matchedSkills: MatchedSkill[];
  missingEssentialSkills: string[];
}

export interface ScoredMatch {
  score: number;
  explanation: MatchExplanation;
}

export const SIBLING_OCCUPATION = 0.2;
export const MINOR_GROUP_OCCUPATION = 0.1;

/** Days after the vacancy's start at which the start-date factor reaches 0. */
const START_DATE_TOLERANCE_DAYS = 180;
const NONE = 255;

let bestCredit = new Float64Array(64);
let bestRelation = new Uint8Array(64);
let bestVia = new Int32Array(64);
const factorWeights = new Float64Array(MATCH_FACTORS.length);
const factorContributions = new Float64Array(MATCH_FACTORS.length);

/**
 * What a pair's explanation is made of, as scoring leaves it: the score; per factor, in
 * MATCH_FACTORS order, the share of the score it can give and the share it gives; and per required
 * skill of the vacancy, the best credit earned (0 when none), its relation code (`RELATION_CODES`)
 * and the candidate's skill id that earned it. The arrays are scratch shared by every scoring call:
 * read them before the next one.
 */
export interface PairEvidence {
  score: number;
  factorWeights: Float64Array;
  factorContributions: Float64Array;
  credits: Float64Array;
  relations: Uint8Array;
  via: Int32Array;
}

/** The score (0–1, four decimals) of a pair, or -1 when a hard rule excludes it or nothing relates them. */
export function scorePair(
  vacancy: CompiledVacancy,
  candidate: CompiledCandidate,
  model: ScoringModel,
): number {
  return compute(vacancy, candidate, model);
}

/** The pair's evidence (valid until the next scoring call); null exactly when `scorePair` answers -1. */
export function pairEvidence(
  vacancy: CompiledVacancy,
  candidate: CompiledCandidate,
  model: ScoringModel,
): PairEvidence | null {
  const score = compute(vacancy, candidate, model);
  return score < 0
    ? null
    : {
        score,
        factorWeights,
        factorContributions,
        credits: bestCredit,
        relations: bestRelation,
        via: bestVia,
      };
}

/** The same score with its explanation; null exactly when `scorePair` answers -1. */
export function explainPair(
  vacancy: CompiledVacancy,
  candidate: CompiledCandidate,
  model: ScoringModel,
): ScoredMatch | null {
  const evidence = pairEvidence(vacancy, candidate, model);
  if (!evidence) return null;
  return {
    score: evidence.score,
    explanation: {
      scoreVersion: SCORE_VERSION,
      factors: MATCH_FACTORS.map((factor, at) => {
        const weight = factorWeights[at];
        const contribution = factorContributions[at];
        return {
          factor,
          weight: round(weight),
          value: weight > 0 ? round(contribution / weight) : 0,
          contribution: round(contribution),
        };
      }),
      ...skillLists(vacancy, model),
    },
  };
}

/** Scores the pair into the scratch arrays; -1 when a hard rule excludes it or nothing relates them. */
function compute(vacancy: CompiledVacancy, candidate: CompiledCandidate, model: ScoringModel): number {
  if (!languagesAllowed(vacancy, candidate, model)) return -1;
  const required = vacancy.required.length;
  if (bestCredit.length < required) {
    bestCredit = new Float64Array(required);
    bestRelation = new Uint8Array(required);
    bestVia = new Int32Array(required);
  }
  bestCredit.fill(0, 0, required);
  bestRelation.fill(NONE, 0, required);
  // Both skill lists are sorted: walk them side by side, the candidate's skills in ascending order.
  const credits = relationCredits(model.proximity);
  const skills = candidate.skills;
  const { coverKeys, coverStarts, coverIndexes, coverRelations } = vacancy;
  for (let i = 0, k = 0; i < skills.length && k < coverKeys.length;) {
    const held = skills[i];
    const key = coverKeys[k];
    if (held < key) i++;
    else if (held > key) k++;
    else {
      for (let at = coverStarts[k]; at < coverStarts[k + 1]; at++) {
        const index = coverIndexes[at];
        const credit = credits[coverRelations[at]];
        if (credit > bestCredit[index]) {
          bestCredit[index] = credit;
          bestRelation[index] = coverRelations[at];
          bestVia[index] = held;
        }
      }
      i++;
      k++;
    }
  }
  let essentialExact = 0;
  let essentialNear = 0;
  let optionalExact = 0;
  let optionalNear = 0;
  for (let index = 0; index < required; index++) {
    const credit = bestCredit[index];
    if (credit === 0) continue;
    // Counts of required skills, each weighted by its rarity (`skillWeight`).
    const weight = vacancy.skillWeight[index];
    const exact = bestRelation[index] === 0;
    if (vacancy.essential[index]) {
      if (exact) essentialExact += weight;
      else essentialNear += credit * weight;
    } else if (exact) optionalExact += weight;
    else optionalNear += credit * weight;
  }
  const occupation = occupationValue(vacancy, candidate);
  if (essentialExact + essentialNear + optionalExact + optionalNear === 0 && occupation === 0) return -1;

  const w = vacancyWeights(vacancy, model.weights);
  const essentialShare = vacancy.essentialCount > 0 ? w.essentialSkills / vacancy.essentialCount : 0;
  const optionalShare = vacancy.optionalCount > 0 ? w.optionalSkills / vacancy.optionalCount : 0;
  // In MATCH_FACTORS order: skill proximity is paid out of the two skill weights.
  factorWeights[0] = w.essentialSkills;
  factorContributions[0] = essentialShare * essentialExact;
  factorWeights[1] = w.optionalSkills;
  factorContributions[1] = optionalShare * optionalExact;
  factorWeights[2] = w.essentialSkills + w.optionalSkills;
  factorContributions[2] = essentialShare * essentialNear + optionalShare * optionalNear;
  factorWeights[3] = w.occupation;
  factorContributions[3] = w.occupation * occupation;
  factorWeights[4] = w.languages;
  factorContributions[4] = w.languages * languagesValue(vacancy, candidate);
  factorWeights[5] = w.education;
  factorContributions[5] = w.education * educationValue(vacancy, candidate);
  factorWeights[6] = w.experience;
  factorContributions[6] = w.experience * experienceValue(vacancy, candidate);
  factorWeights[7] = w.memberState;
  factorContributions[7] = w.memberState * memberStateValue(vacancy, candidate);
  factorWeights[8] = w.startDate;
  factorContributions[8] = w.startDate * startDateValue(vacancy, candidate);
  let total = 0;
  for (let at = 0; at < factorContributions.length; at++) total += factorContributions[at];
  return Math.min(1, Math.round(total * 10_000) / 10_000);
}

function skillLists(
  vacancy: CompiledVacancy,
  model: ScoringModel,
): Pick<MatchExplanation, 'matchedSkills' | 'missingEssentialSkills'> {
  const matchedSkills: MatchedSkill[] = [];
  const missingEssentialSkills: string[] = [];
  for (let index = 0; index < vacancy.required.length; index++) {
    const requirement = vacancy.essential[index] ? 'essential' : 'optional';
    const uri = model.space.uri(vacancy.required[index]);
    if (bestCredit[index] === 0) {
      if (requirement === 'essential') missingEssentialSkills.push(uri);
      continue;
    }
    matchedSkills.push({
      uri,
      requirement,
      relation: RELATION_CODES[bestRelation[index]],
      via: model.space.uri(bestVia[index]),
      credit: bestCredit[index],
    });
  }
  return { matchedSkills, missingEssentialSkills };
}

let creditsOf: ProximityCredits | undefined;
let creditsByCode = new Float64Array(RELATION_CODES.length);

/** Credit by relation code (`RELATION_CODES`): 1 for an exact skill, the model's proximity credits otherwise. */
function relationCredits(proximity: ProximityCredits): Float64Array {
  if (creditsOf !== proximity) {
    creditsByCode = Float64Array.from(RELATION_CODES, (relation) =>
      relation === 'exact' ? 1 : proximity[relation],
    );
    creditsOf = proximity;
  }
  return creditsByCode;
}

function languagesAllowed(
  vacancy: CompiledVacancy,
  candidate: CompiledCandidate,
  model: ScoringModel,
): boolean {
  if (model.languageMode === 'soft') return true;
  for (const language of vacancy.input.languages) {
    if (language.requirement !== 'required') continue;
    if ((candidate.languages.get(language.code) ?? 0) < language.minCefrRank) return false;
  }
  return true;
}

/**
 * Same ESCO occupation 1, same ISCO unit group 0.2, same minor group 0.1: a declared sibling
 * occupation is weak evidence next to the occupation itself.
 */
export function occupationValue(vacancy: CompiledVacancy, candidate: CompiledCandidate): number {
  let best = 0;
  for (const occupation of candidate.occupations) {
    if (occupation.uri === vacancy.input.occupationUri) return 1;
    if (occupation.unit === vacancy.isco4) best = Math.max(best, SIBLING_OCCUPATION);
    else if (occupation.group === vacancy.isco3) best = Math.max(best, MINOR_GROUP_OCCUPATION);
  }
  return best;
}

/** Mean over the vacancy's languages: 1 when the level is met, half the attained share otherwise. */
export function languagesValue(vacancy: CompiledVacancy, candidate: CompiledCandidate): number {
  const languages = vacancy.input.languages;
  if (languages.length === 0) return 0;
  let sum = 0;
  for (const language of languages)
    sum += languageCredit(language.minCefrRank, candidate.languages.get(language.code) ?? 0);
  return sum / languages.length;
}

/** One language's share of the languages factor: 1 when the CEFR rank asked is met, else half the share attained. */
export function languageCredit(min: number, rank: number): number {
  return rank >= min ? 1 : (0.5 * rank) / min;
}

export function educationValue(vacancy: CompiledVacancy, candidate: CompiledCandidate): number {
  return educationCredit(vacancy.input.minEqfLevel, candidate.input.eqfLevel);
}

/** The education factor's value from the EQF level asked and the candidate's: met 1, one below 0.5. */
export function educationCredit(min: number | null, level: number | null): number {
  if (min === null || level === null) return 0;
  if (level >= min) return 1;
  return level === min - 1 ? 0.5 : 0;
}

/** Years in the vacancy's occupation or its ISCO unit group, against the years asked. */
export function experienceValue(vacancy: CompiledVacancy, candidate: CompiledCandidate): number {
  const min = vacancy.input.minExperienceYears;
  if (min === null) return 0;
  let years = 0;
  for (const occupation of candidate.occupations) {
    if (occupation.uri === vacancy.input.occupationUri || occupation.unit === vacancy.isco4)
      years = Math.max(years, occupation.years);
  }
  return min === 0 ? 1 : Math.min(1, years / min);
}

/** 1 when the candidate prefers the vacancy's state, 0.5 without preferences, 0 otherwise. */
export function memberStateValue(vacancy: CompiledVacancy, candidate: CompiledCandidate): number {
  return (
    memberStateCredit(candidate.preferredStates, vacancy.stateBit) ??
    (candidate.input.preferredMemberStates.includes(vacancy.input.memberState) ? 1 : 0)
  );
}

/**
 * The Member State factor's value from the candidate's preferred states' bits and the vacancy
 * state's bit (`stateBit`); null when a code has no bit, and the preference list must be read.
 */
export function memberStateCredit(preferred: number, stateBit: number): number | null {
  if (preferred === 0) return 0.5;
  if (preferred !== -1 && stateBit !== 0) return (preferred & stateBit) !== 0 ? 1 : 0;
  return null;
}

export function startDateValue(vacancy: CompiledVacancy, candidate: CompiledCandidate): number {
  return startDateCredit(vacancy.startDay, candidate.startDay);
}

/** The start-date factor's value from the two day numbers: 1 on time, falling to 0 over the tolerance. */
export function startDateCredit(vacancyDay: number | null, candidateDay: number | null): number {
  if (vacancyDay === null || candidateDay === null) return 1;
  const late = candidateDay - vacancyDay;
  return late <= 0 ? 1 : Math.max(0, 1 - late / START_DATE_TOLERANCE_DAYS);
}

/** The vacancy's effective weights under a model's weights, computed once per vacancy and model. */
export function vacancyWeights(vacancy: CompiledVacancy, weights: MatchWeights): MatchWeights {
  if (vacancy.weights?.of !== weights)
    vacancy.weights = { of: weights, effective: effectiveWeights(vacancy, weights) };
  return vacancy.weights.effective;
}

/** The weights of the factors this vacancy asks about, rescaled to sum to 1. */
function effectiveWeights(vacancy: CompiledVacancy, weights: MatchWeights): MatchWeights {
  const input = vacancy.input;
  const applies: MatchWeights = {
    essentialSkills: vacancy.essentialCount > 0 ? weights.essentialSkills : 0,
    optionalSkills: vacancy.optionalCount > 0 ? weights.optionalSkills : 0,
    occupation: weights.occupation,
    languages: input.languages.length > 0 ? weights.languages : 0,
    education: input.minEqfLevel !== null ? weights.education : 0,
    experience: input.minExperienceYears !== null ? weights.experience : 0,
    memberState: weights.memberState,
    startDate: vacancy.startDay !== null ? weights.startDate : 0,
  };
  const total =
    applies.essentialSkills +
    applies.optionalSkills +
    applies.occupation +
    applies.languages +
    applies.education +
    applies.experience +
    applies.memberState +
    applies.startDate;
  if (total === 0) return applies;
  return {
    essentialSkills: applies.essentialSkills / total,
    optionalSkills: applies.optionalSkills / total,
    occupation: applies.occupation / total,
    languages: applies.languages / total,
    education: applies.education / total,
    experience: applies.experience / total,
    memberState: applies.memberState / total,
    startDate: applies.startDate / total,
  };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

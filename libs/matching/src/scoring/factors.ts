/**
 * The factors a match score is made of, in the order explanations list them. Nothing else enters
 * the score: no name, gender, age, nationality, photo or proxy of them (a unit test holds this).
 */
export const MATCH_FACTORS = [
  'essentialSkills',
  'optionalSkills',
  'skillProximity',
  'occupation',
  'languages',
  'education',
  'experience',
  'memberState',
  'startDate',
] as const;
export type MatchFactor = (typeof MATCH_FACTORS)[number];

/** Factors with a configurable weight; skill proximity is paid out of the two skill weights. */
export const WEIGHTED_FACTORS = [
  'essentialSkills',
  'optionalSkills',
  'occupation',
  'languages',
  'education',
  'experience',
  'memberState',
  'startDate',
] as const satisfies readonly MatchFactor[];
export type WeightedFactor = (typeof WEIGHTED_FACTORS)[number];

export type MatchWeights = Readonly<Record<WeightedFactor, number>>;

/** The defaults live with the configuration that applies them. */
export { DEFAULT_MATCH_WEIGHTS, DEFAULT_PROXIMITY_CREDITS } from '@app/config';

/** How a candidate's skill stands in for a required one, through ESCO. */
export const SKILL_RELATIONS = ['exact', 'narrower', 'broader', 'related'] as const;
export type SkillRelation = (typeof SKILL_RELATIONS)[number];
export type ProximityRelation = Exclude<SkillRelation, 'exact'>;

/** Share of a required skill's credit earned through each ESCO relation. */
export type ProximityCredits = Readonly<Record<ProximityRelation, number>>;

/** Weights scaled to sum to 1, so a score is always between 0 and 1. */
export function normaliseWeights(weights: MatchWeights): MatchWeights {
  const total = WEIGHTED_FACTORS.reduce((sum, factor) => sum + weights[factor], 0);
  if (total <= 0) throw new Error('Match weights must not all be zero');
  return Object.fromEntries(
    WEIGHTED_FACTORS.map((factor) => [factor, weights[factor] / total]),
  ) as unknown as MatchWeights;
}

import { MATCH_FACTORS, SKILL_RELATIONS } from '../scoring/factors';
import type { MatchExplanation } from '../scoring/score';

/**
 * An explanation as the `matches` table keeps it: one JSON array, a few hundred bytes, so a full
 * re-match writes millions of them in minutes. Numbers are ten-thousandths; ESCO skill URIs lose
 * their common prefix. Layout:
 * `[scoreVersion, [weight, value, contribution] × MATCH_FACTORS (flattened), matched, missing]`,
 * a matched skill being `[uri, code]` when exact or `[uri, code, via, credit]` otherwise, where
 * `code` is the relation's index in SKILL_RELATIONS, plus 4 when the skill is essential.
 */
export type CompactExplanation = [number, number[], CompactSkill[], string[]];
type CompactSkill = [string, number] | [string, number, string, number];

/**
 * A row's `explanation` column: the compact form as JSON text (rows written before it hold JSON
 * of the full object).
 */
export type StoredExplanation = string;

const SKILL_PREFIX = 'http://data.europa.eu/esco/skill/';
const SCALE = 10_000;

const shorten = (uri: string) =>
  uri.startsWith(SKILL_PREFIX) && !uri.includes(':', SKILL_PREFIX.length)
    ? uri.slice(SKILL_PREFIX.length)
    : uri;
const lengthen = (stored: string) => (stored.includes(':') ? stored : SKILL_PREFIX + stored);
const int = (value: number) => Math.round(value * SCALE);

function compactExplanation(explanation: MatchExplanation): CompactExplanation {
  const factors: number[] = [];
  for (const entry of explanation.factors)
    factors.push(int(entry.weight), int(entry.value), int(entry.contribution));
  return [
    explanation.scoreVersion,
    factors,
    explanation.matchedSkills.map((skill): CompactSkill => {
      const code = SKILL_RELATIONS.indexOf(skill.relation) + (skill.requirement === 'essential' ? 4 : 0);
      return skill.relation === 'exact'
        ? [shorten(skill.uri), code]
        : [shorten(skill.uri), code, shorten(skill.via), int(skill.credit)];
    }),
    explanation.missingEssentialSkills.map(shorten),
  ];
}

/** The text an explanation is stored as. */
export function storedExplanation(explanation: MatchExplanation): StoredExplanation {
  return JSON.stringify(compactExplanation(explanation));
}

/** The full explanation of a stored one, or of one already in hand. */
export function expandExplanation(source: StoredExplanation | MatchExplanation): MatchExplanation {
  const parsed =
    typeof source === 'string' ? (JSON.parse(source) as CompactExplanation | MatchExplanation) : source;
  if (!Array.isArray(parsed)) return parsed;
  const [scoreVersion, factors, matched, missing] = parsed;
  return {
    scoreVersion,
    factors: MATCH_FACTORS.map((factor, at) => ({
      factor,
      weight: factors[3 * at] / SCALE,
      value: factors[3 * at + 1] / SCALE,
      contribution: factors[3 * at + 2] / SCALE,
    })),
    matchedSkills: matched.map(([uri, code, via, credit]) => ({
      uri: lengthen(uri),
      requirement: code >= 4 ? 'essential' : 'optional',
      relation: SKILL_RELATIONS[code % 4],
      via: lengthen(via ?? uri),
      credit: credit === undefined ? 1 : credit / SCALE,
    })),
    missingEssentialSkills: missing.map(lengthen),
  };
}

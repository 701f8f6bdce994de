import { ESCO_SKILL_URI, escoSkillKey, escoSkillUri } from '@app/taxonomy';
import type { CompiledCandidate, CompiledVacancy } from '../scoring/compiled';
import { MATCH_FACTORS, SKILL_RELATIONS } from '../scoring/factors';
import { pairEvidence, SCORE_VERSION, type MatchExplanation, type ScoringModel } from '../scoring/score';
import type { SkillSpace } from '../scoring/skill-space';

/**
 * An explanation as the `matches` table keeps it: one JSON array, a few hundred bytes, so a full
 * re-match writes millions of them in minutes. Numbers are ten-thousandths; an ESCO skill URI is
 * kept as its UUID's 16 bytes in base64url (22 characters instead of the UUID's 36), any other URI
 * whole. Layout:
 * `[scoreVersion, [weight, value, contribution] × MATCH_FACTORS (flattened), matched, missing, 1]`,
 * a matched skill being `[uri, code]` when exact or `[uri, code, via, credit]` otherwise, where
 * `code` is the relation's index in SKILL_RELATIONS, plus 4 when the skill is essential. The last
 * element, `SKILL_KEYS`, says how skills are kept: arrays of four (written before it) keep an ESCO
 * skill URI as the text after the common prefix.
 */
export type CompactExplanation =
  | [number, number[], CompactSkill[], string[]]
  | [number, number[], CompactSkill[], string[], typeof SKILL_KEYS];
type CompactSkill = [string, number] | [string, number, string, number];

/**
 * A row's `explanation` column: the compact form as JSON text (rows written before it hold JSON
 * of the full object).
 */
export type StoredExplanation = string;

const SCALE = 10_000;
/** The marker of explanations whose ESCO skills are base64url UUIDs (see `CompactExplanation`). */
const SKILL_KEYS = 1;

/** A skill URI as stored: an ESCO skill's UUID in base64url, any other URI whole (it holds a ':'). */
const skillKey = (uri: string): string =>
  ESCO_SKILL_URI.test(uri)
    ? Buffer.from(escoSkillKey(uri).replaceAll('-', ''), 'hex').toString('base64url')
    : uri;

/** The URI of a key made by `skillKey`. */
const skillUri = (key: string): string => {
  if (key.includes(':')) return key;
  const hex = Buffer.from(key, 'base64url').toString('hex');
  return escoSkillUri(
    `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
  );
};

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
        ? [skillKey(skill.uri), code]
        : [skillKey(skill.uri), code, skillKey(skill.via), int(skill.credit)];
    }),
    explanation.missingEssentialSkills.map(skillKey),
    SKILL_KEYS,
  ];
}

/** The text an explanation is stored as. */
export function storedExplanation(explanation: MatchExplanation): StoredExplanation {
  return JSON.stringify(compactExplanation(explanation));
}

/**
 * A pair's score and stored explanation, written straight from what scoring leaves (`pairEvidence`):
 * the text `storedExplanation(explainPair(…).explanation)` gives, without the object in between,
 * for the millions of rows a full re-match writes. Null exactly when `scorePair` answers -1.
 */
export function storedPairExplanation(
  vacancy: CompiledVacancy,
  candidate: CompiledCandidate,
  model: ScoringModel,
): { score: number; explanation: StoredExplanation } | null {
  const evidence = pairEvidence(vacancy, candidate, model);
  if (!evidence) return null;
  const { factorWeights, factorContributions, credits, relations, via } = evidence;
  let factors = '';
  for (let at = 0; at < factorWeights.length; at++) {
    const weight = factorWeights[at];
    const contribution = factorContributions[at];
    const value = weight > 0 ? int(contribution / weight) : 0;
    factors += `${at > 0 ? ',' : ''}${int(weight)},${value},${int(contribution)}`;
  }
  const quoted = quotedSkills(model.space);
  let matched = '';
  let missing = '';
  for (let index = 0; index < vacancy.required.length; index++) {
    const essential = vacancy.essential[index] === 1;
    const uri = quoted(vacancy.required[index]);
    if (credits[index] === 0) {
      if (essential) missing += `${missing ? ',' : ''}${uri}`;
      continue;
    }
    // Relation codes are SKILL_RELATIONS indexes, as RELATION_CODES gives them.
    const code = relations[index] + (essential ? 4 : 0);
    matched +=
      relations[index] === 0
        ? `${matched ? ',' : ''}[${uri},${code}]`
        : `${matched ? ',' : ''}[${uri},${code},${quoted(via[index])},${int(credits[index])}]`;
  }
  return {
    score: evidence.score,
    explanation: `[${SCORE_VERSION},[${factors}],[${matched}],[${missing}],${SKILL_KEYS}]`,
  };
}

const quotedBySpace = new WeakMap<SkillSpace, string[]>();

/** A skill's stored URI as JSON text, by id, kept per skill space. */
function quotedSkills(space: SkillSpace): (id: number) => string {
  let quoted = quotedBySpace.get(space);
  if (!quoted) quotedBySpace.set(space, (quoted = []));
  const cache = quoted;
  return (id) => (cache[id] ??= JSON.stringify(skillKey(space.uri(id))));
}

/** The full explanation of a stored one, or of one already in hand. */
export function expandExplanation(source: StoredExplanation | MatchExplanation): MatchExplanation {
  const parsed =
    typeof source === 'string' ? (JSON.parse(source) as CompactExplanation | MatchExplanation) : source;
  if (!Array.isArray(parsed)) return parsed;
  const [scoreVersion, factors, matched, missing, keys] = parsed;
  // Written before SKILL_KEYS: an ESCO skill as the text after the common prefix.
  const lengthen = keys === SKILL_KEYS ? skillUri : escoSkillUri;
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

import { SKILL_RELATIONS, type MatchWeights, type ProximityRelation, type SkillRelation } from './factors';
import type { MatchCandidateInput, MatchVacancyInput } from './match-input';
import type { SkillSpace } from './skill-space';

export interface Cover {
  /** Index of the required skill in the vacancy's list. */
  index: number;
  relation: SkillRelation;
}

/** A vacancy prepared for scoring many candidates: skills as ids, proximity folded in. */
export interface CompiledVacancy {
  input: MatchVacancyInput;
  required: Int32Array;
  essential: Uint8Array;
  essentialCount: number;
  optionalCount: number;
  /**
   * Each required skill's weight within its kind (essential or optional), from its rarity: the
   * weights of a kind average 1, so holding every skill of it still earns that kind's whole weight.
   */
  skillWeight: Float64Array;
  /** Candidate skill id → the required skills it covers, exactly or through ESCO. */
  cover: Map<number, Cover[]>;
  /**
   * `cover` flattened for scoring, where a candidate's sorted skills are walked beside it: the
   * skill ids in ascending order, and for the skill at position p its covers at
   * `coverStarts[p]` up to `coverStarts[p + 1]`, each a required index and a relation code
   * (`RELATION_CODES`), in `cover`'s order.
   */
  coverKeys: Int32Array;
  coverStarts: Int32Array;
  coverIndexes: Int32Array;
  coverRelations: Uint8Array;
  isco4: string;
  isco3: string;
  /** The Member State's bit (`stateBit`), 0 when it has none. */
  stateBit: number;
  startDay: number | null;
  /** Effective weights, cached for the model weights they were computed from. */
  weights?: { of: MatchWeights; effective: MatchWeights };
}

/** An occupation a candidate declares, with its ISCO unit group (4 digits) and minor group (3). */
export interface CompiledOccupation {
  uri: string;
  unit: string;
  group: string;
  years: number;
}

/** A candidate prepared for scoring: skills as sorted ids, dates as day numbers. */
export interface CompiledCandidate {
  input: MatchCandidateInput;
  occupations: readonly CompiledOccupation[];
  /** The preferred Member States' bits (`stateBit`); 0 without preferences, -1 when one has no bit. */
  preferredStates: number;
  skills: Int32Array;
  languages: Map<string, number>;
  startDay: number | null;
}

/** Relations by code, as `coverRelations` holds them. */
export const RELATION_CODES: readonly SkillRelation[] = SKILL_RELATIONS;

const INVERSE: Record<ProximityRelation, ProximityRelation> = {
  narrower: 'broader',
  broader: 'narrower',
  related: 'related',
};

export function compileVacancy(input: MatchVacancyInput, space: SkillSpace): CompiledVacancy {
  const unique = [...new Map(input.skills.map((skill) => [skill.uri, skill])).values()];
  const ids = unique.map((skill) => space.id(skill.uri));
  const cover = new Map<number, Cover[]>();
  const add = (held: number, entry: Cover) => {
    const list = cover.get(held);
    if (!list) cover.set(held, [entry]);
    else if (!list.some((existing) => existing.index === entry.index)) list.push(entry);
  };
  ids.forEach((skill, index) => add(skill, { index, relation: 'exact' }));
  ids.forEach((skill, index) => {
    for (const neighbour of space.standInsOf(skill))
      add(neighbour.skill, { index, relation: INVERSE[neighbour.relation] });
  });
  const keys = [...cover.keys()].sort((a, b) => a - b);
  const flat = keys.flatMap((key) => cover.get(key)!);
  const arrays = packed(ids.length, keys.length, flat.length);
  const { required, essential, skillWeight, coverKeys, coverStarts, coverIndexes, coverRelations } = arrays;
  required.set(ids);
  unique.forEach((skill, index) => (essential[index] = skill.requirement === 'essential' ? 1 : 0));
  const essentialCount = essential.reduce((sum, flag) => sum + flag, 0);
  required.forEach((skill, index) => (skillWeight[index] = space.rarity(skill)));
  for (const kind of [0, 1]) {
    const indexes = [...essential.keys()].filter((index) => essential[index] === kind);
    const sum = indexes.reduce((total, index) => total + skillWeight[index], 0);
    for (const index of indexes) skillWeight[index] *= indexes.length / sum;
  }
  coverKeys.set(keys);
  keys.forEach((key, at) => (coverStarts[at + 1] = coverStarts[at] + cover.get(key)!.length));
  flat.forEach((entry, at) => {
    coverIndexes[at] = entry.index;
    coverRelations[at] = RELATION_CODES.indexOf(entry.relation);
  });
  return {
    input,
    ...arrays,
    essentialCount,
    optionalCount: required.length - essentialCount,
    cover,
    isco4: input.iscoCode.slice(0, 4),
    isco3: input.iscoCode.slice(0, 3),
    stateBit: stateBit(input.memberState),
    startDay: dayNumber(input.startDate),
  };
}

/**
 * A vacancy's scoring arrays as views of one buffer allocated at once: scoring a pair reads all of
 * them, and reads them from one block of memory instead of seven scattered ones.
 */
function packed(required: number, keys: number, covers: number) {
  const bytes = [8 * required, 4 * required, 4 * keys, 4 * (keys + 1), 4 * covers, required, covers];
  const buffer = new ArrayBuffer(bytes.reduce((sum, size) => sum + size, 0));
  let offset = 0;
  const next = (size: number) => (offset += size) - size;
  return {
    skillWeight: new Float64Array(buffer, next(bytes[0]), required),
    required: new Int32Array(buffer, next(bytes[1]), required),
    coverKeys: new Int32Array(buffer, next(bytes[2]), keys),
    coverStarts: new Int32Array(buffer, next(bytes[3]), keys + 1),
    coverIndexes: new Int32Array(buffer, next(bytes[4]), covers),
    essential: new Uint8Array(buffer, next(bytes[5]), required),
    coverRelations: new Uint8Array(buffer, next(bytes[6]), covers),
  };
}

export function compileCandidate(input: MatchCandidateInput, space: SkillSpace): CompiledCandidate {
  const skills = Int32Array.from(new Set(input.skills.map((uri) => space.id(uri)))).sort();
  return {
    input,
    occupations: input.occupations.map((occupation) => ({
      uri: occupation.uri,
      unit: occupation.iscoCode.slice(0, 4),
      group: occupation.iscoCode.slice(0, 3),
      years: occupation.yearsOfExperience,
    })),
    preferredStates: input.preferredMemberStates.reduce(
      (mask, code) => (mask === -1 || stateBit(code) === 0 ? -1 : mask | stateBit(code)),
      0,
    ),
    skills,
    languages: new Map(input.languages.map((language) => [language.code, language.cefrRank])),
    startDay: dayNumber(input.earliestStartDate),
  };
}

export function dayNumber(isoDate: string | null): number | null {
  return isoDate === null ? null : Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

const STATE_BITS = new Map<string, number>();

/**
 * A bit per Member State code, given in order of first sight, so a preference check is one AND;
 * 0 once 31 codes have their bits (the EU has 27 states), and callers then fall back.
 */
export function stateBit(code: string): number {
  let bit = STATE_BITS.get(code);
  if (bit === undefined) {
    bit = STATE_BITS.size < 31 ? 1 << STATE_BITS.size : 0;
    STATE_BITS.set(code, bit);
  }
  return bit;
}

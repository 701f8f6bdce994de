import {
  DEFAULT_MATCH_WEIGHTS,
  DEFAULT_PROXIMITY_CREDITS,
  FeatureStore,
  normaliseWeights,
  SkillSpace,
  type SkillEdges,
  type MatchCandidateInput,
  type MatchVacancyInput,
  type MatchWeights,
} from '@app/matching';
import { shippedEscoFolder } from '@app/taxonomy';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { printRuntime } from './support/measure';

/**
 * Ranking quality on the shipped ESCO release, in memory: candidates generated from occupation
 * skill profiles with noise; for a vacancy of occupation O, relevant = a candidate of O (graded:
 * same ISCO unit group = 0.5). Run with `npm run bench:matching-quality`.
 */
const NOISE = { dropEssential: 0.3, extraSkills: 5, substituteRelated: 0.15 };
const TARGETS = 200;
const PER_OCCUPATION = 15;
const BACKGROUND = 5_000;

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

function csv(file: string): Record<string, string>[] {
  return parse<Record<string, string>>(gunzipSync(readFileSync(join(shippedEscoFolder(), 'v1.1.1', file))), {
    columns: true,
  });
}

function main(): void {
  printRuntime();
  const occupations = new Map(csv('occupations_en.csv.gz').map((row) => [row.conceptUri, row.iscoGroup]));
  const profile = new Map<string, { essential: string[]; optional: string[] }>();
  for (const row of csv('occupationSkillRelations_en.csv.gz')) {
    const entry = profile.get(row.occupationUri) ?? { essential: [], optional: [] };
    (row.relationType === 'essential' ? entry.essential : entry.optional).push(row.skillUri);
    profile.set(row.occupationUri, entry);
  }
  const broader = csv('broaderRelationsSkillPillar_en.csv.gz')
    .filter(
      (row) =>
        row.conceptType === 'KnowledgeSkillCompetence' && row.broaderType === 'KnowledgeSkillCompetence',
    )
    .map((row) => [row.conceptUri, row.broaderUri] as const);
  const related = csv('skillSkillRelations_en.csv.gz').map(
    (row) => [row.originalSkillUri, row.relatedSkillUri] as const,
  );
  const neighbours = new Map<string, string[]>();
  for (const [a, b] of [...broader, ...related]) {
    neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
  }
  const allSkills = [
    ...new Set([...profile.values()].flatMap((entry) => [...entry.essential, ...entry.optional])),
  ];
  // Skill rarity as the product reads it from the taxonomy: occupations listing each skill.
  const listing = new Map<string, number>();
  for (const entry of profile.values())
    for (const uri of [...entry.essential, ...entry.optional]) listing.set(uri, (listing.get(uri) ?? 0) + 1);
  const profiles = { occupations: profile.size, listing: [...listing] };
  const usable = [...profile.entries()].filter(
    ([uri, entry]) => entry.essential.length >= 5 && occupations.has(uri),
  );

  function candidateOf(id: string, occupationUri: string, declareOccupation: boolean): MatchCandidateInput {
    const { essential, optional } = profile.get(occupationUri)!;
    const skills = new Set<string>();
    for (const uri of essential) {
      if (random() < NOISE.dropEssential) continue;
      const near = neighbours.get(uri);
      skills.add(near && random() < NOISE.substituteRelated ? pick(near) : uri);
    }
    for (const uri of optional) if (random() < 0.3) skills.add(uri);
    for (let i = 0; i < NOISE.extraSkills; i++) skills.add(pick(allSkills));
    return {
      id,
      occupations: declareOccupation
        ? [
            {
              uri: occupationUri,
              iscoCode: occupations.get(occupationUri)!,
              yearsOfExperience: Math.floor(random() * 10),
            },
          ]
        : [],
      skills: [...skills],
      languages: [{ code: 'en', cefrRank: 2 + Math.floor(random() * 4) }],
      eqfLevel: 3 + Math.floor(random() * 4),
      preferredMemberStates: [pick(['DE', 'NL', 'FR', 'ES'])],
      earliestStartDate: null,
    };
  }

  const targets = Array.from({ length: TARGETS }, () => pick(usable)[0]);
  const byGroup = new Map<string, string[]>();
  for (const [uri] of usable) {
    const group = occupations.get(uri)!;
    byGroup.set(group, [...(byGroup.get(group) ?? []), uri]);
  }

  for (const declareOccupation of [true, false]) {
    for (const weights of [DEFAULT_MATCH_WEIGHTS]) {
      seed = 42;
      const report = evaluate(
        targets,
        byGroup,
        weights,
        declareOccupation,
        candidateOf,
        occupations,
        broader,
        related,
        usable,
        profiles,
      );
      process.stdout.write(
        `${declareOccupation ? 'occupation declared    ' : 'skills only (no occ.)  '} ` +
          `precision@10 ${report.precision.toFixed(3)}  nDCG@10 ${report.ndcg.toFixed(3)}  ` +
          `(${report.vacancies} vacancies, ${report.pool} candidates)\n`,
      );
    }
  }
  process.stdout.write(
    `noise: ${Math.round(NOISE.dropEssential * 100)}% essential skills dropped, ${NOISE.extraSkills} random extra skills, ` +
      `${Math.round(NOISE.substituteRelated * 100)}% replaced by an ESCO neighbour\n`,
  );
  hardSet({ occupations, profile, broader, related, allSkills, usable, profiles });
}

interface Esco {
  occupations: Map<string, string>;
  profile: Map<string, { essential: string[]; optional: string[] }>;
  broader: (readonly [string, string])[];
  related: (readonly [string, string])[];
  allSkills: string[];
  usable: [string, { essential: string[]; optional: string[] }][];
  profiles: SkillEdges['profiles'];
}

const HARD = { targets: 40, exact: 25, siblings: 25, pool: 3_000 };

/**
 * The harder set: sparse, noisy profiles against short vacancies. A profile keeps 15–50 % of its
 * occupation's essential skills and about 10 % of its optional ones, about 30 % of what it keeps is
 * replaced by the broader ESCO concept, and 3–10 unrelated skills are added; half declare their
 * occupation, a quarter a sibling occupation of the same ISCO unit group (vocabulary that is not
 * theirs), a quarter none. A vacancy lists 6–12 of its occupation's essential skills plus an
 * unrelated essential and an unrelated optional one. Relevance: 2 = the vacancy's occupation,
 * 1 = the same ISCO unit group. The product ranks through the engine; the reference scorer is
 * plain exact skill overlap plus a bonus for the declared occupation, scored exhaustively.
 */
function hardSet(esco: Esco): void {
  seed = 7_919;
  const { occupations, profile, allSkills } = esco;
  const broaderOf = new Map<string, string[]>();
  for (const [narrow, broad] of esco.broader)
    broaderOf.set(narrow, [...(broaderOf.get(narrow) ?? []), broad]);
  const byGroup = new Map<string, string[]>();
  for (const [uri] of esco.usable) {
    const group = occupations.get(uri)!;
    byGroup.set(group, [...(byGroup.get(group) ?? []), uri]);
  }
  const siblingsOf = (uri: string) => (byGroup.get(occupations.get(uri)!) ?? []).filter((o) => o !== uri);
  const candidates = esco.usable.filter(
    ([uri, entry]) => entry.essential.length >= 8 && siblingsOf(uri).length >= 2,
  );
  const targets: string[] = [];
  while (targets.length < HARD.targets) {
    const uri = pick(candidates)[0];
    if (!targets.some((t) => occupations.get(t) === occupations.get(uri))) targets.push(uri);
  }
  const people: { input: MatchCandidateInput; occupation: string }[] = [];
  const person = (occupation: string) => {
    const { essential, optional } = profile.get(occupation)!;
    const keep = 0.15 + random() * 0.35;
    const skills = new Set<string>();
    const take = (uri: string) => {
      const broad = broaderOf.get(uri);
      skills.add(broad && random() < 0.3 ? pick(broad) : uri);
    };
    for (const uri of essential) if (random() < keep) take(uri);
    for (const uri of optional) if (random() < 0.1) take(uri);
    for (let i = 3 + Math.floor(random() * 8); i > 0; i--) skills.add(pick(allSkills));
    const roll = random();
    const siblings = siblingsOf(occupation);
    const declared = roll < 0.5 ? occupation : roll < 0.75 && siblings.length > 0 ? pick(siblings) : null;
    people.push({
      occupation,
      input: {
        id: `h${people.length}`,
        occupations: declared
          ? [
              {
                uri: declared,
                iscoCode: occupations.get(declared)!,
                yearsOfExperience: Math.floor(random() * 10),
              },
            ]
          : [],
        skills: [...skills],
        languages: [{ code: 'en', cefrRank: 2 + Math.floor(random() * 4) }],
        eqfLevel: 3 + Math.floor(random() * 4),
        preferredMemberStates: [pick(['DE', 'NL', 'FR', 'ES'])],
        earliestStartDate: null,
      },
    });
  };
  for (const target of targets) {
    for (let i = 0; i < HARD.exact; i++) person(target);
    for (let i = 0; i < HARD.siblings; i++) person(pick(siblingsOf(target)));
  }
  while (people.length < HARD.pool) person(pick(esco.usable)[0]);
  const vacancies: MatchVacancyInput[] = targets.map((target, index) => {
    const essential = [...profile.get(target)!.essential].sort(() => random() - 0.5);
    const listed = essential.slice(0, 6 + Math.floor(random() * 7));
    return {
      id: `hv${index}`,
      occupationUri: target,
      iscoCode: occupations.get(target)!,
      memberState: 'DE',
      startDate: null,
      skills: [
        ...listed.map((uri) => ({ uri, requirement: 'essential' as const })),
        { uri: pick(allSkills), requirement: 'essential' as const },
        { uri: pick(allSkills), requirement: 'optional' as const },
      ],
      languages: [{ code: 'en', minCefrRank: 3, requirement: 'required' as const }],
      minEqfLevel: 4,
      minExperienceYears: null,
    };
  });
  const relevance = (vacancy: MatchVacancyInput, occupation: string) =>
    occupation === vacancy.occupationUri ? 2 : occupations.get(occupation) === vacancy.iscoCode ? 1 : 0;
  const occupationOf = new Map(people.map((entry) => [entry.input.id, entry.occupation]));

  const storeOf = (weights: MatchWeights) => {
    const store = new FeatureStore({
      weights: normaliseWeights(weights),
      proximity: DEFAULT_PROXIMITY_CREDITS,
      languageMode: 'soft',
      space: new SkillSpace({ broader: esco.broader, related: esco.related, profiles: esco.profiles }),
    });
    store.facts = {
      verifiedEmployers: new Set(['org']),
      participatingStates: new Set(['DE']),
      blockedCountries: new Set(),
    };
    for (const entry of people)
      store.putCandidate(entry.input, {
        status: 'active',
        availability: 'available',
        expiresAt: null,
        countries: ['MA'],
      });
    for (const vacancy of vacancies)
      store.putVacancy(vacancy, { status: 'published', expiresAt: null, organisationId: 'org' });
    return store;
  };
  const store = storeOf(DEFAULT_MATCH_WEIGHTS);
  // The same engine with only the factors the relevance labels know of (skills and occupation),
  // as the reference scorer: how much of the gap to it is the factors that labels ignore.
  const labelled = storeOf({
    ...DEFAULT_MATCH_WEIGHTS,
    languages: 0,
    education: 0,
    experience: 0,
    memberState: 0,
    startDate: 0,
  });

  const reference = (vacancy: MatchVacancyInput) => {
    const wanted = new Set(vacancy.skills.map((skill) => skill.uri));
    return people
      .map(({ input }) => {
        const overlap = input.skills.filter((uri) => wanted.has(uri)).length / wanted.size;
        const declared = input.occupations.some((o) => o.uri === vacancy.occupationUri) ? 0.5 : 0;
        return { id: input.id, score: overlap + declared };
      })
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, 10)
      .map((row) => row.id);
  };
  const product = (vacancy: MatchVacancyInput) =>
    store.rankCandidates(vacancy.id, { limit: 10, minScore: 0 }).map((match) => match.id);
  const skillsAndOccupation = (vacancy: MatchVacancyInput) =>
    labelled.rankCandidates(vacancy.id, { limit: 10, minScore: 0 }).map((match) => match.id);

  for (const [name, rank] of [
    ['product  ', product],
    ['product, skills and occupation only', skillsAndOccupation],
    ['reference', reference],
  ] as const) {
    let precision = 0;
    let exact = 0;
    let ndcg = 0;
    for (const vacancy of vacancies) {
      const gains = rank(vacancy).map((id) => relevance(vacancy, occupationOf.get(id)!));
      precision += gains.filter((gain) => gain > 0).length / 10;
      exact += gains.filter((gain) => gain === 2).length / 10;
      const ideal = people
        .map((entry) => relevance(vacancy, entry.occupation))
        .sort((a, b) => b - a)
        .slice(0, 10);
      const dcg = (list: number[]) => list.reduce((sum, gain, at) => sum + gain / Math.log2(at + 2), 0);
      ndcg += dcg(gains) / dcg(ideal);
    }
    const n = vacancies.length;
    process.stdout.write(
      `hard set, ${name}  precision@10 ${(precision / n).toFixed(3)}  exact-occupation@10 ${(exact / n).toFixed(3)}  ` +
        `nDCG@10 ${(ndcg / n).toFixed(3)}  (${n} vacancies, ${people.length} candidates)\n`,
    );
  }
}

function evaluate(
  targets: string[],
  byGroup: Map<string, string[]>,
  weights: MatchWeights,
  declareOccupation: boolean,
  candidateOf: (id: string, occupation: string, declare: boolean) => MatchCandidateInput,
  occupations: Map<string, string>,
  broader: (readonly [string, string])[],
  related: (readonly [string, string])[],
  usable: [string, { essential: string[]; optional: string[] }][],
  profiles: SkillEdges['profiles'],
): { precision: number; ndcg: number; vacancies: number; pool: number } {
  const store = new FeatureStore({
    weights: normaliseWeights(weights),
    proximity: DEFAULT_PROXIMITY_CREDITS,
    languageMode: 'soft',
    space: new SkillSpace({ broader, related, profiles }),
  });
  store.facts = {
    verifiedEmployers: new Set(['org']),
    participatingStates: new Set(['DE', 'NL', 'FR', 'ES']),
    blockedCountries: new Set(),
  };
  const occupationOf = new Map<string, string>();
  let n = 0;
  const add = (occupation: string) => {
    const id = `c${n++}`;
    occupationOf.set(id, occupation);
    store.putCandidate(candidateOf(id, occupation, declareOccupation), {
      status: 'active',
      availability: 'available',
      expiresAt: null,
      countries: ['MA'],
    });
  };
  for (const target of new Set(targets)) {
    for (let i = 0; i < PER_OCCUPATION; i++) add(target);
    // Hard negatives: other occupations of the same ISCO unit group.
    for (const sibling of (byGroup.get(occupations.get(target)!) ?? [])
      .filter((uri) => uri !== target)
      .slice(0, 3))
      for (let i = 0; i < 5; i++) add(sibling);
  }
  for (let i = 0; i < BACKGROUND; i++) add(usable[Math.floor(random() * usable.length)][0]);
  let precision = 0;
  let ndcg = 0;
  const unique = [...new Set(targets)];
  unique.forEach((target, index) => {
    const vacancy: MatchVacancyInput = {
      id: `v${index}`,
      occupationUri: target,
      iscoCode: occupations.get(target)!,
      memberState: 'DE',
      startDate: null,
      skills: [
        ...usable
          .find(([uri]) => uri === target)![1]
          .essential.map((uri) => ({ uri, requirement: 'essential' as const })),
        ...usable
          .find(([uri]) => uri === target)![1]
          .optional.slice(0, 10)
          .map((uri) => ({ uri, requirement: 'optional' as const })),
      ].slice(0, 60),
      languages: [{ code: 'en', minCefrRank: 3, requirement: 'required' }],
      minEqfLevel: 4,
      minExperienceYears: 2,
    };
    store.putVacancy(vacancy, { status: 'published', expiresAt: null, organisationId: 'org' });
    const ranked = store.rankCandidates(vacancy.id, { limit: 10, minScore: 0 });
    const gains = ranked.map((match): number => {
      const occupation = occupationOf.get(match.id)!;
      if (occupation === target) return 1;
      return occupations.get(occupation) === occupations.get(target) ? 0.5 : 0;
    });
    precision += gains.filter((gain) => gain === 1).length / 10;
    const dcg = gains.reduce((sum, gain, rank) => sum + gain / Math.log2(rank + 2), 0);
    const ideal = Array.from({ length: 10 }, (_, rank) => 1 / Math.log2(rank + 2)).reduce((a, b) => a + b, 0);
    ndcg += dcg / ideal;
  });
  return {
    precision: precision / unique.length,
    ndcg: ndcg / unique.length,
    vacancies: unique.length,
    pool: n,
  };
}

main();

import {
  compileCandidate,
  compileVacancy,
  DEFAULT_MATCH_WEIGHTS,
  DEFAULT_PROXIMITY_CREDITS,
  FeatureStore,
  normaliseWeights,
  scorePair,
  SkillSpace,
} from '@app/matching';
import { shippedEscoFolder } from '@app/taxonomy';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Engine speed at 100 000 active candidates and 10 000 published vacancies generated from the
 * shipped ESCO occupation profiles, in one process: vacancy → pool, candidate → vacancies, and a
 * naive baseline scoring every candidate. Run with `npm run bench:matching`.
 */
const CANDIDATES = 100_000;
const VACANCIES = 10_000;
const SAMPLES = 200;

let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const csv = (file: string) =>
  parse<Record<string, string>>(gunzipSync(readFileSync(join(shippedEscoFolder(), 'v1.1.1', file))), {
    columns: true,
  });

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function main(): void {
  const isco = new Map(csv('occupations_en.csv.gz').map((row) => [row.conceptUri, row.iscoGroup]));
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
  const occupations = [...profile.keys()].filter(
    (uri) => isco.has(uri) && profile.get(uri)!.essential.length > 0,
  );
  const allSkills = [
    ...new Set([...profile.values()].flatMap((entry) => [...entry.essential, ...entry.optional])),
  ];
  const states = ['DE', 'NL', 'FR', 'ES', 'IT', 'BE', 'AT', 'PL'];

  const heapBefore = process.memoryUsage().rss;
  const built = performance.now();
  const model = {
    weights: normaliseWeights(DEFAULT_MATCH_WEIGHTS),
    proximity: DEFAULT_PROXIMITY_CREDITS,
    languageMode: 'hard' as const,
    space: new SkillSpace({ broader, related }),
  };
  const store = new FeatureStore(model);
  store.facts = {
    verifiedEmployers: new Set(['org']),
    participatingStates: new Set(states),
    blockedCountries: new Set(),
  };
  const candidateInputs = Array.from({ length: CANDIDATES }, (_, i) => {
    const occupation = pick(occupations);
    const { essential, optional } = profile.get(occupation)!;
    const skills = new Set([
      ...essential.filter(() => random() > 0.3),
      ...optional.filter(() => random() < 0.2),
      ...Array.from({ length: 5 }, () => pick(allSkills)),
    ]);
    return {
      id: `c${String(i).padStart(6, '0')}`,
      occupations: [
        { uri: occupation, iscoCode: isco.get(occupation)!, yearsOfExperience: Math.floor(random() * 12) },
      ],
      skills: [...skills].slice(0, 60),
      languages: [{ code: 'en', cefrRank: 1 + Math.floor(random() * 6) }],
      eqfLevel: 2 + Math.floor(random() * 6),
      preferredMemberStates: [pick(states)],
      earliestStartDate: null,
    };
  });
  for (const input of candidateInputs)
    store.putCandidate(input, {
      status: 'active',
      availability: 'available',
      expiresAt: null,
      countries: ['MA'],
    });
  const vacancyInputs = Array.from({ length: VACANCIES }, (_, i) => {
    const occupation = pick(occupations);
    const { essential, optional } = profile.get(occupation)!;
    return {
      id: `v${String(i).padStart(5, '0')}`,
      occupationUri: occupation,
      iscoCode: isco.get(occupation)!,
      memberState: pick(states),
      startDate: null,
      skills: [
        ...essential.slice(0, 40).map((uri) => ({ uri, requirement: 'essential' as const })),
        ...optional.slice(0, 20).map((uri) => ({ uri, requirement: 'optional' as const })),
      ],
      languages: [{ code: 'en', minCefrRank: 2, requirement: 'required' as const }],
      minEqfLevel: 3,
      minExperienceYears: 2,
    };
  });
  for (const input of vacancyInputs)
    store.putVacancy(input, { status: 'published', expiresAt: null, organisationId: 'org' });
  const loadMs = performance.now() - built;
  let peak = process.memoryUsage().rss;

  const time = (fn: () => void) => {
    const started = performance.now();
    fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return performance.now() - started;
  };
  const vacancyTimes = Array.from({ length: SAMPLES }, () =>
    time(() => store.rankCandidates(pick(vacancyInputs).id, { limit: 100, minScore: 0.3 })),
  );
  const candidateTimes = Array.from({ length: SAMPLES }, () =>
    time(() => store.rankVacancies(pick(candidateInputs).id, { limit: 50, minScore: 0.3 })),
  );
  const compiledCandidates = candidateInputs.map((input) => compileCandidate(input, model.space));
  const naiveTimes = Array.from({ length: 20 }, () =>
    time(() => {
      const vacancy = compileVacancy(pick(vacancyInputs), model.space);
      const scores = compiledCandidates.map((candidate) => scorePair(vacancy, candidate, model));
      scores.sort((a, b) => b - a);
    }),
  );
  const throughputStart = performance.now();
  for (const input of vacancyInputs.slice(0, 1000))
    store.rankCandidates(input.id, { limit: 100, minScore: 0.3 });
  const perVacancyMs = (performance.now() - throughputStart) / 1000;

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  process.stdout.write(
    [
      `${CANDIDATES.toLocaleString('en-US')} candidates, ${VACANCIES.toLocaleString('en-US')} vacancies (store built in ${(loadMs / 1000).toFixed(1)} s)`,
      `  vacancy → pool        p50 ${ms(percentile(vacancyTimes, 50))}  p95 ${ms(percentile(vacancyTimes, 95))}`,
      `  candidate → vacancies p50 ${ms(percentile(candidateTimes, 50))}  p95 ${ms(percentile(candidateTimes, 95))}`,
      `  naive (every candidate, no index) p50 ${ms(percentile(naiveTimes, 50))}  p95 ${ms(percentile(naiveTimes, 95))}` +
        `  → speed-up ×${(percentile(naiveTimes, 50) / percentile(vacancyTimes, 50)).toFixed(1)} at p50`,
      `  full re-match (scoring) ${(1000 / perVacancyMs).toFixed(0)} vacancies/s → ${((perVacancyMs * VACANCIES) / 1000).toFixed(0)} s for all`,
      `  peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (before building: ${(heapBefore / 2 ** 20).toFixed(0)} MiB)`,
      '',
    ].join('\n'),
  );
}

main();

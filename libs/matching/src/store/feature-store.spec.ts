import { DEFAULT_MATCH_WEIGHTS, DEFAULT_PROXIMITY_CREDITS, normaliseWeights } from '../scoring/factors';
import type { MatchCandidateInput, MatchVacancyInput } from '../scoring/match-input';
import type { ScoringModel } from '../scoring/score';
import { scoreMatch } from '../scoring/score-match';
import { SkillSpace } from '../scoring/skill-space';
import { candidateShard } from '../sharding/candidate-shard';
import { mergeShardLists } from '../sharding/merge-shard-lists';
import { byRank, FeatureStore, pairTie } from './feature-store';
import { storedExplanation } from '../results/stored-explanation';

const S = (n: number) => `http://data.europa.eu/esco/skill/s${n}`;
const O = (n: number) => `http://data.europa.eu/esco/occupation/o${n}`;
const SKILLS = 300;
const OCCUPATIONS = 40;

/** A small ESCO-like world: occupations with skill profiles, skills with broader and related links. */
function world(seed: number) {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const iscoOf = (o: number) => `${7 + (o % 3)}${o % 4}${o % 5}${o % 2}`;
  const profiles = Array.from({ length: OCCUPATIONS }, () => Array.from({ length: 14 }, () => int(SKILLS)));
  // A few very common skills, as ESCO's transversal ones are.
  const common = [0, 1, 2];
  // Rarity from the profiles, as the worker reads it from the taxonomy: required skills weigh unequally.
  const listing = new Map<string, number>();
  for (const profile of profiles)
    for (const n of new Set(profile)) listing.set(S(n), (listing.get(S(n)) ?? 0) + 1);
  const space = new SkillSpace({
    broader: Array.from({ length: 120 }, () => [S(int(SKILLS)), S(int(SKILLS))] as const),
    related: Array.from({ length: 200 }, () => [S(int(SKILLS)), S(int(SKILLS))] as const),
    profiles: { occupations: OCCUPATIONS, listing: [...listing] },
  });
  const states = ['DE', 'NL', 'FR', 'ES'];
  const candidates: MatchCandidateInput[] = Array.from({ length: 1500 }, (_, i) => {
    const o = int(OCCUPATIONS);
    const skills = profiles[o].filter(() => random() < 0.7).concat(common.filter(() => random() < 0.6));
    for (let k = int(5); k > 0; k--) skills.push(int(SKILLS));
    return {
      id: `c${String(i).padStart(5, '0')}`,
      occupations: [{ uri: O(o), iscoCode: iscoOf(o), yearsOfExperience: int(10) }],
      skills: skills.map(S),
      languages: [{ code: pick(['en', 'de', 'fr']), cefrRank: 1 + int(6) }],
      eqfLevel: random() < 0.1 ? null : 2 + int(6),
      preferredMemberStates: random() < 0.2 ? [] : [pick(states)],
      earliestStartDate: random() < 0.3 ? null : `2026-${String(1 + int(12)).padStart(2, '0')}-15`,
    };
  });
  const vacancies: MatchVacancyInput[] = Array.from({ length: 60 }, (_, i) => {
    const o = int(OCCUPATIONS);
    return {
      id: `v${i}`,
      occupationUri: O(o),
      iscoCode: iscoOf(o),
      memberState: pick(states),
      startDate: random() < 0.3 ? null : '2026-06-01',
      skills: [
        ...profiles[o].slice(0, 8).map((n) => ({ uri: S(n), requirement: 'essential' as const })),
        ...profiles[o].slice(8, 8 + int(5)).map((n) => ({ uri: S(n), requirement: 'optional' as const })),
        ...(random() < 0.5 ? [{ uri: S(common[0]), requirement: 'optional' as const }] : []),
      ],
      languages:
        random() < 0.2
          ? []
          : [
              {
                code: pick(['en', 'de']),
                minCefrRank: 2 + int(3),
                requirement: pick(['required', 'preferred'] as const),
              },
            ],
      minEqfLevel: random() < 0.5 ? null : 2 + int(5),
      minExperienceYears: random() < 0.4 ? null : int(6),
    };
  });
  return { space, candidates, vacancies };
}

/** Candidates of a country whose candidates may not be matched. */
const blocked = (id: string) => Number(id.slice(1)) % 17 === 0;

function storeOf(data: ReturnType<typeof world>, overrides: Partial<ScoringModel> = {}) {
  const model: ScoringModel = {
    weights: normaliseWeights(DEFAULT_MATCH_WEIGHTS),
    proximity: DEFAULT_PROXIMITY_CREDITS,
    languageMode: 'hard',
    space: data.space,
    ...overrides,
  };
  const store = new FeatureStore(model);
  store.facts = {
    verifiedEmployers: new Set(['org']),
    participatingStates: new Set(['DE', 'NL', 'FR', 'ES']),
    blockedCountries: new Set(['XX']),
  };
  data.candidates.forEach((input) =>
    store.putCandidate(input, {
      status: 'active',
      availability: 'available',
      expiresAt: null,
      countries: [blocked(input.id) ? 'XX' : 'MA'],
    }),
  );
  for (const input of data.vacancies)
    store.putVacancy(input, { status: 'published', expiresAt: null, organisationId: 'org' });
  return { store, model };
}

/** Every eligible candidate scored, sorted by score then id: what pruning must reproduce. */
function exhaustive(data: ReturnType<typeof world>, model: ScoringModel, vacancy: MatchVacancyInput) {
  return data.candidates
    .filter((candidate) => !blocked(candidate.id))
    .map((candidate) => ({ id: candidate.id, result: scoreMatch(vacancy, candidate, model) }))
    .filter(({ result }) => result !== null)
    .map(({ id, result }) => ({ id, score: result!.score }));
}

/** The exhaustive order: score, then the pair's tie value; `tieOf` gives it for a row's id. */
const ranked = (
  rows: { id: string; score: number }[],
  minScore: number,
  limit: number,
  tieOf: (id: string) => number,
) =>
  rows
    .filter((row) => row.score >= minScore)
    .map((row) => ({ ...row, tie: tieOf(row.id) }))
    .sort(byRank)
    .slice(0, limit)
    .map(({ id, score }) => ({ id, score }));
const tiesOf = (vacancyId: string) => (candidateId: string) => pairTie(vacancyId, candidateId);

describe('FeatureStore.rankCandidates (bounded search)', () => {
  it.each([
    { seed: 11, limit: 10, minScore: 0.3 },
    { seed: 12, limit: 100, minScore: 0.3 },
    { seed: 13, limit: 1, minScore: 0 },
    { seed: 14, limit: 300, minScore: 0 },
    { seed: 15, limit: 25, minScore: 0.6 },
  ])('returns exactly the exhaustive top-N (seed $seed, limit $limit, min $minScore)', (c) => {
    const data = world(c.seed);
    const { store, model } = storeOf(data);
    for (const vacancy of data.vacancies) {
      const sut = store.rankCandidates(vacancy.id, { limit: c.limit, minScore: c.minScore });
      const expected = ranked(exhaustive(data, model, vacancy), c.minScore, c.limit, tiesOf(vacancy.id));
      expect(sut.map(({ id, score }) => ({ id, score }))).toEqual(expected);
    }
  });

  it('stays exact with soft languages and other weights and credits', () => {
    const data = world(21);
    const { store, model } = storeOf(data, {
      languageMode: 'soft',
      weights: normaliseWeights({ ...DEFAULT_MATCH_WEIGHTS, essentialSkills: 0.2, memberState: 0.2 }),
      proximity: { narrower: 0.9, broader: 0.7, related: 0.5 },
    });
    for (const vacancy of data.vacancies) {
      const sut = store.rankCandidates(vacancy.id, { limit: 20, minScore: 0.2 });
      expect(sut.map(({ id, score }) => ({ id, score }))).toEqual(
        ranked(exhaustive(data, model, vacancy), 0.2, 20, tiesOf(vacancy.id)),
      );
    }
  });

  it('explains each ranked match as the reference scorer does', () => {
    const data = world(31);
    const { store, model } = storeOf(data);
    const vacancy = data.vacancies[0];
    const [best] = store.rankCandidates(vacancy.id, { limit: 1, minScore: 0 });
    const candidate = data.candidates.find((entry) => entry.id === best.id)!;
    expect(best.explanation).toEqual(scoreMatch(vacancy, candidate, model)!.explanation);
  });

  it('explains a list on demand from the records it was ranked with, after the store has changed', () => {
    const data = world(37);
    const { store, model } = storeOf(data);
    const vacancy = data.vacancies[2];
    const list = store.candidateList(vacancy.id, { limit: 10, minScore: 0 });
    expect(list.matches.length).toBe(10);
    const ranked = list.matches.map(({ id }) => data.candidates.find((entry) => entry.id === id)!);
    // The first candidate loses every skill and the second leaves, before anything is explained.
    store.putCandidate(
      { ...ranked[0], skills: [] },
      { status: 'active', availability: 'available', expiresAt: null, countries: ['MA'] },
    );
    store.removeCandidate(ranked[1].id);
    store.putVacancy(
      { ...vacancy, skills: [] },
      { status: 'published', expiresAt: null, organisationId: 'org' },
    );
    list.matches.forEach((match, at) => {
      const reference = scoreMatch(vacancy, ranked[at], model)!;
      expect(list.explain(at)).toEqual({ score: match.score, explanation: reference.explanation });
      expect(list.stored(at)).toEqual({
        score: match.score,
        explanation: storedExplanation(reference.explanation),
      });
      expect(reference.score).toBe(match.score);
    });
  });

  it("stores every pair's explanation as the text of its explanation object", () => {
    const data = world(43);
    const { store } = storeOf(data);
    let pairs = 0;
    let withProximity = 0;
    let withMissing = 0;
    for (const vacancy of data.vacancies.slice(0, 20))
      for (const candidate of data.candidates) {
        const explained = store.explain(vacancy.id, candidate.id);
        const stored = store.explainStored(vacancy.id, candidate.id);
        if (!explained) {
          expect(stored).toBeNull();
          continue;
        }
        expect(stored).toEqual({
          score: explained.score,
          explanation: storedExplanation(explained.explanation),
        });
        pairs += 1;
        if (explained.explanation.matchedSkills.some((skill) => skill.relation !== 'exact'))
          withProximity += 1;
        if (explained.explanation.missingEssentialSkills.length > 0) withMissing += 1;
      }
    // The world exercises every part of the form: many pairs, skills earned through ESCO, missing ones.
    expect(pairs).toBeGreaterThan(5_000);
    expect(withProximity).toBeGreaterThan(500);
    expect(withMissing).toBeGreaterThan(500);
  });

  it('follows candidates that are removed', () => {
    const data = world(41);
    const { store, model } = storeOf(data);
    const vacancy = data.vacancies[3];
    const [first] = store.rankCandidates(vacancy.id, { limit: 1, minScore: 0 });
    store.removeCandidate(first.id);
    const remaining = { ...data, candidates: data.candidates.filter((c) => c.id !== first.id) };
    const sut = store.rankCandidates(vacancy.id, { limit: 50, minScore: 0.3 });
    expect(sut.map(({ id, score }) => ({ id, score }))).toEqual(
      ranked(exhaustive(remaining, model, vacancy), 0.3, 50, tiesOf(vacancy.id)),
    );
  });

  it('reads required languages of candidates whose slots were reused, and of nobody', () => {
    const data = world(43);
    const { store, model } = storeOf(data);
    // A fifth of the pool leaves; newcomers take their slots speaking other languages at other levels.
    const leaving = data.candidates.filter((_, i) => i % 5 === 0);
    leaving.forEach((candidate) => store.removeCandidate(candidate.id));
    const newcomers = leaving.map((candidate, i) => ({
      ...candidate,
      id: `n${String(i).padStart(5, '0')}`,
      languages: [{ code: ['de', 'fr', 'nl'][i % 3], cefrRank: 1 + (i % 6) }],
    }));
    for (const input of newcomers)
      store.putCandidate(input, {
        status: 'active',
        availability: 'available',
        expiresAt: null,
        countries: [blocked(input.id) ? 'XX' : 'MA'],
      });
    const pool = { ...data, candidates: [...data.candidates.filter((_, i) => i % 5 !== 0), ...newcomers] };
    const withLanguage = (vacancy: MatchVacancyInput, code: string): MatchVacancyInput => ({
      ...vacancy,
      id: `${vacancy.id}-${code}`,
      languages: [{ code, minCefrRank: 3, requirement: 'required' }],
    });
    for (const vacancy of data.vacancies
      .slice(0, 20)
      .flatMap((v) => [withLanguage(v, 'nl'), withLanguage(v, 'de'), withLanguage(v, 'sv')])) {
      store.putVacancy(vacancy, { status: 'published', expiresAt: null, organisationId: 'org' });
      const sut = store.rankCandidates(vacancy.id, { limit: 40, minScore: 0 });
      expect(sut.map(({ id, score }) => ({ id, score }))).toEqual(
        ranked(exhaustive(pool, model, vacancy), 0, 40, tiesOf(vacancy.id)),
      );
      // Nobody speaks Swedish; Dutch only some newcomers, German some of both.
      if (vacancy.id.endsWith('-sv')) expect(sut).toEqual([]);
      if (vacancy.id.endsWith('-nl')) expect(sut.every(({ id }) => id.startsWith('n'))).toBe(true);
    }
  });
});

describe('FeatureStore.rankVacancies (bounded search)', () => {
  /** Each fifth eligible candidate's list against every vacancy scored by the reference scorer. */
  function expectExhaustive(
    data: ReturnType<typeof world>,
    vacancies: readonly MatchVacancyInput[],
    store: FeatureStore,
    model: ScoringModel,
    options: { limit: number; minScore: number },
  ) {
    data.candidates.forEach((candidate, i) => {
      if (blocked(candidate.id) || i % 5 !== 0) return;
      const expected = ranked(
        vacancies
          .map((vacancy) => ({ id: vacancy.id, result: scoreMatch(vacancy, candidate, model) }))
          .filter(({ result }) => result !== null)
          .map(({ id, result }) => ({ id, score: result!.score })),
        options.minScore,
        options.limit,
        (vacancyId) => pairTie(vacancyId, candidate.id),
      );
      const sut = store.rankVacancies(candidate.id, options);
      expect(sut.map(({ id, score }) => ({ id, score }))).toEqual(expected);
    });
  }

  it.each([
    { seed: 51, limit: 5, minScore: 0.3 },
    { seed: 52, limit: 50, minScore: 0 },
    { seed: 53, limit: 1, minScore: 0.5 },
  ])('returns exactly the exhaustive top-N (seed $seed, limit $limit, min $minScore)', (c) => {
    const data = world(c.seed);
    const { store, model } = storeOf(data);
    // Replacing and removing vacancies must leave the reverse index consistent.
    store.putVacancy(
      { ...data.vacancies[0], minEqfLevel: 8 },
      { status: 'published', expiresAt: null, organisationId: 'org' },
    );
    store.removeVacancy(data.vacancies[1].id);
    const vacancies = [{ ...data.vacancies[0], minEqfLevel: 8 }, ...data.vacancies.slice(2)];
    expectExhaustive(data, vacancies, store, model, c);
  });

  // A vacancy's languages, EQF level and start date are charged from the store's table by slot
  // before its record is read; with more languages than the table keeps, none is charged.
  it.each(['hard', 'soft'] as const)(
    'stays exact for vacancies asking one to three languages, EQF levels and start dates (%s languages)',
    (languageMode) => {
      const data = world(54);
      const more = [
        { code: 'es', minCefrRank: 2, requirement: 'preferred' as const },
        { code: 'fr', minCefrRank: 1, requirement: 'preferred' as const },
      ];
      data.vacancies = data.vacancies.map((vacancy, i) => ({
        ...vacancy,
        languages: [...vacancy.languages, ...more.slice(0, i % 3)],
        startDate: i % 4 === 0 ? null : `2026-0${1 + (i % 9)}-01`,
        minEqfLevel: i % 2 === 0 ? null : 3 + (i % 5),
      }));
      const { store, model } = storeOf(data, { languageMode });
      const before = store.pairsChecked;
      expectExhaustive(data, data.vacancies, store, model, { limit: 5, minScore: 0.3 });
      expect(store.pairsChecked).toBeGreaterThan(before);
    },
  );
});

describe('eligibility', () => {
  // Queries follow every way a record's eligibility changes: new facts (a country blocked, an
  // employer no longer verified, a Member State leaving), a record replaced with another gate, and
  // expiry against the query's time.
  const NOW = Date.UTC(2026, 5, 1);
  const DAY = 86_400_000;

  it('follows changed facts, replaced records and expiry, on both sides', () => {
    const data = world(61);
    const { store, model } = storeOf(data);
    const countries = new Map(data.candidates.map((c) => [c.id, blocked(c.id) ? 'XX' : 'MA']));
    const expiries = new Map<string, number | null>();
    const putCandidate = (input: MatchCandidateInput, country: string, expiresAt: number | null) => {
      countries.set(input.id, country);
      expiries.set(input.id, expiresAt);
      store.putCandidate(input, {
        status: 'active',
        availability: 'available',
        expiresAt,
        countries: [country],
      });
    };
    // Every third candidate expires tomorrow, and some of them live in another country.
    data.candidates.forEach((input, i) => {
      if (i % 3 === 0) putCandidate(input, blocked(input.id) ? 'XX' : i % 2 === 0 ? 'MA' : 'TN', NOW + DAY);
    });
    // Vacancy v2 expired yesterday; half the vacancies belong to a second employer.
    const employers = new Map(data.vacancies.map((v, i) => [v.id, i % 2 === 1 ? 'org2' : 'org']));
    data.vacancies.forEach((input, i) =>
      store.putVacancy(input, {
        status: 'published',
        expiresAt: i === 2 ? NOW - DAY : null,
        organisationId: employers.get(input.id)!,
      }),
    );
    let facts = { blocked: ['XX'], employers: ['org', 'org2'], states: ['DE', 'NL', 'FR', 'ES'] };
    const setFacts = (next: typeof facts) => {
      facts = next;
      store.facts = {
        verifiedEmployers: new Set(facts.employers),
        participatingStates: new Set(facts.states),
        blockedCountries: new Set(facts.blocked),
      };
    };
    const candidateOpen = (candidate: MatchCandidateInput, now: number) =>
      !facts.blocked.includes(countries.get(candidate.id)!) && (expiries.get(candidate.id) ?? Infinity) > now;
    const vacancyOpen = (vacancy: MatchVacancyInput, now: number) =>
      facts.employers.includes(employers.get(vacancy.id)!) &&
      facts.states.includes(vacancy.memberState) &&
      (vacancy.id !== data.vacancies[2].id || NOW - DAY > now);
    /** The reference scorer's list of an open owner among the open others; empty when the owner is closed. */
    const expected = <T extends { id: string }>(
      open: boolean,
      others: T[],
      score: (other: T) => ReturnType<typeof scoreMatch>,
      limit: number,
      tieOf: (id: string) => number,
    ) =>
      open
        ? ranked(
            others.flatMap((other) => {
              const result = score(other);
              return result ? [{ id: other.id, score: result.score }] : [];
            }),
            0.3,
            limit,
            tieOf,
          )
        : [];
    const listed = (list: { id: string; score: number }[]) => list.map(({ id, score }) => ({ id, score }));
    const expectLists = (now: number) => {
      const candidates = data.candidates.filter((candidate) => candidateOpen(candidate, now));
      const vacancies = data.vacancies.filter((vacancy) => vacancyOpen(vacancy, now));
      for (const vacancy of data.vacancies.slice(0, 12))
        expect(listed(store.rankCandidates(vacancy.id, { limit: 30, minScore: 0.3 }, now))).toEqual(
          expected(
            vacancyOpen(vacancy, now),
            candidates,
            (candidate) => scoreMatch(vacancy, candidate, model),
            30,
            tiesOf(vacancy.id),
          ),
        );
      for (const candidate of data.candidates.filter((_, i) => i % 25 === 0))
        expect(listed(store.rankVacancies(candidate.id, { limit: 10, minScore: 0.3 }, now))).toEqual(
          expected(
            candidateOpen(candidate, now),
            vacancies,
            (vacancy) => scoreMatch(vacancy, candidate, model),
            10,
            (vacancyId) => pairTie(vacancyId, candidate.id),
          ),
        );
    };
    const everyone = facts;
    setFacts(everyone);
    expectLists(NOW);
    setFacts({ ...everyone, blocked: ['XX', 'TN'], employers: ['org'] });
    expectLists(NOW);
    // Records replaced under the same facts: some candidates move to a blocked country, others
    // leave it; a vacancy changes hands.
    data.candidates.forEach((input, i) => {
      if (i % 7 === 1 && !blocked(input.id)) putCandidate(input, i % 2 ? 'TN' : 'MA', null);
    });
    employers.set(data.vacancies[3].id, 'org2');
    employers.set(data.vacancies[5].id, 'org');
    for (const at of [3, 5])
      store.putVacancy(data.vacancies[at], {
        status: 'published',
        expiresAt: null,
        organisationId: employers.get(data.vacancies[at].id)!,
      });
    expectLists(NOW);
    setFacts({ ...everyone, states: ['DE', 'NL'] });
    expectLists(NOW);
    setFacts(everyone);
    expectLists(NOW - 2 * DAY);
    expectLists(NOW + 2 * DAY);
  });
});

describe('ties', () => {
  it('orders equal scores differently per vacancy, the same way every time', () => {
    const data = world(61);
    // Identical candidates: every vacancy sees them all at the same score.
    const twin = data.candidates[0];
    const twins = { ...data, candidates: Array.from({ length: 40 }, (_, i) => ({ ...twin, id: `t${i}` })) };
    const { store } = storeOf(twins);
    const leaders = new Set<string>();
    for (const vacancy of data.vacancies) {
      const first = store.rankCandidates(vacancy.id, { limit: 40, minScore: 0 });
      const again = store.rankCandidates(vacancy.id, { limit: 40, minScore: 0 });
      expect(again.map((match) => match.id)).toEqual(first.map((match) => match.id));
      if (first.length === 0) continue;
      expect(new Set(first.map((match) => match.score)).size).toBe(1);
      leaders.add(first[0].id);
    }
    // Sixty vacancies, forty equally good candidates: no single candidate heads every list.
    expect(leaders.size).toBeGreaterThan(10);
  });
});

describe('sharded stores', () => {
  it.each([2, 3])('merged over %i shards, rank every vacancy exactly as the whole store does', (shards) => {
    const data = world(21);
    const { store: whole } = storeOf(data);
    const parts = Array.from(
      { length: shards },
      (_, shard) =>
        storeOf({
          ...data,
          candidates: data.candidates.filter((c) => candidateShard(c.id, shards) === shard),
        }).store,
    );
    expect(parts.every((part) => part.candidateCount > 0)).toBe(true);
    for (const limit of [1, 10, 60]) {
      const options = { limit, minScore: 0.2 };
      for (const vacancy of data.vacancies) {
        const withTies = (store: FeatureStore) =>
          store
            .rankCandidates(vacancy.id, options)
            .map((match) => ({ ...match, tie: pairTie(vacancy.id, match.id) }));
        expect(mergeShardLists(parts.map(withTies), limit)).toEqual(withTies(whole));
      }
    }
  });
});

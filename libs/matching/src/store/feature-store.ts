import { compileCandidate, compileVacancy } from '../scoring/compiled';
import type { MatchCandidateInput, MatchVacancyInput } from '../scoring/match-input';
import { storedPairExplanation, type StoredExplanation } from '../results/stored-explanation';
import {
  explainPair,
  languageCredit,
  memberStateCredit,
  scorePair,
  vacancyWeights,
  type ScoredMatch,
  type ScoringModel,
} from '../scoring/score';
import type { CompiledCandidate, CompiledVacancy } from '../scoring/compiled';
import { BoundAccumulator } from './bound-accumulator';
import { boundedTop } from './bounded-top';
import {
  candidateEligible,
  vacancyMatchable,
  type CandidateGate,
  type CandidateRecord,
  type EligibilityFacts,
  type VacancyGate,
  type VacancyRecord,
} from './feature-records';
import { LanguageRanks, speaksRequired, type RequiredLanguage } from './language-ranks';
import { RestFactorTable, restShortfall } from './rest-factors';
import { vacancyBounds } from './vacancy-bounds';

export interface RankedMatch extends ScoredMatch {
  /** The other side of the pair: a candidate id for a vacancy's list, a vacancy id for a candidate's. */
  id: string;
}

/**
 * A ranked list whose explanations are computed when asked for: writing a set explains only the
 * pairs it keeps. Each explanation comes from the records the list was ranked with, so it gives
 * the listed score even when the store has changed since.
 */
export interface ExplainableList {
  matches: readonly ScoredSlot[];
  /** The score and explanation of `matches[at]`. */
  explain(at: number): ScoredMatch;
  /** The score and explanation of `matches[at]` as the matches table stores it. */
  stored(at: number): StoredMatch;
}

export interface StoredMatch {
  score: number;
  explanation: StoredExplanation;
}

export interface RankOptions {
  limit: number;
  minScore: number;
}

const NO_LANGUAGES: readonly RequiredLanguage[] = [];

const EMPTY_FACTS: EligibilityFacts = {
  verifiedEmployers: new Set(),
  participatingStates: new Set(),
  blockedCountries: new Set(),
};

/** Vacancies by candidate skill, each with the most that skill can earn there. */
interface Postings {
  slots: number[];
  credits: number[];
}

/**
 * Every matchable candidate and vacancy in compact form, with inverted indexes: skill → candidates
 * and ISCO minor group → candidates, and the reverse for vacancies (a candidate's skill → the
 * vacancies it could earn credit in). A query sums upper bounds of each reachable record's score
 * over those lists and scores exactly only the records whose bound can still reach the top N
 * (`boundedTop`), so results equal scoring every reachable record. No I/O: the loader feeds it.
 */
export class FeatureStore {
  private readonly candidates = new Map<string, CandidateRecord>();
  private readonly bySlot: (CandidateRecord | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly bySkill = new Map<number, number[]>();
  private readonly byOccupation = new Map<string, number[]>();
  private readonly byUnit = new Map<string, number[]>();
  private readonly byGroup = new Map<string, number[]>();
  private readonly vacancies = new Map<string, VacancyRecord>();
  private readonly vacancyBySlot: (VacancyRecord | undefined)[] = [];
  private readonly freeVacancySlots: number[] = [];
  private readonly vacanciesBySkill = new Map<number, Postings>();
  private readonly vacanciesByOccupation = new Map<string, Postings>();
  private readonly vacanciesByUnit = new Map<string, Postings>();
  private readonly vacanciesByGroup = new Map<string, Postings>();
  /** By vacancy slot, read by every candidate's query: `bounds.rest`, `bounds.memberState` and the state's bit. */
  private readonly vacancyRest: number[] = [];
  private readonly vacancyState: number[] = [];
  private readonly vacancyStateBit: number[] = [];
  /** By vacancy slot, read by a candidate's query to tighten a vacancy's bound before reading its record. */
  private readonly vacancyRestFactors = new RestFactorTable();
  private readonly languageRanks = new LanguageRanks();
  /**
   * By candidate slot, read by a vacancy's query to tighten a candidate's bound before scoring it:
   * the EQF level and the start day (null without one) and the preferred states' bits.
   */
  private readonly candidateEqf: (number | null)[] = [];
  private readonly candidateStartDay: (number | null)[] = [];
  private readonly candidatePreferred: number[] = [];
  private readonly candidateBounds = new BoundAccumulator();
  private readonly vacancyBoundsAcc = new BoundAccumulator();
  facts: EligibilityFacts = EMPTY_FACTS;
  /**
   * Pairs the bounded searches so far could not rule out by their bounds, and checked one by one
   * (hard rules, then the score).
   */
  pairsChecked = 0;

  constructor(readonly model: ScoringModel) {}

  get candidateCount(): number {
    return this.candidates.size;
  }

  get vacancyCount(): number {
    return this.vacancies.size;
  }

  putCandidate(input: MatchCandidateInput, gate: CandidateGate): void {
    this.removeCandidate(input.id);
    const slot = this.freeSlots.pop() ?? this.bySlot.length;
    const record = { slot, compiled: compileCandidate(input, this.model.space), gate };
    this.candidates.set(input.id, record);
    this.bySlot[slot] = record;
    this.languageRanks.set(slot, record.compiled.languages);
    this.candidateEqf[slot] = input.eqfLevel;
    this.candidateStartDay[slot] = record.compiled.startDay;
    this.candidatePreferred[slot] = record.compiled.preferredStates;
    for (const skill of record.compiled.skills) push(this.bySkill, skill, slot);
    const { occupations, units, groups } = occupationKeys(record.compiled);
    for (const uri of occupations) push(this.byOccupation, uri, slot);
    for (const unit of units) push(this.byUnit, unit, slot);
    for (const group of groups) push(this.byGroup, group, slot);
  }

  removeCandidate(id: string): void {
    const record = this.candidates.get(id);
    if (!record) return;
    this.candidates.delete(id);
    this.bySlot[record.slot] = undefined;
    this.languageRanks.clear(record.slot, record.compiled.languages);
    this.freeSlots.push(record.slot);
    for (const skill of record.compiled.skills) pull(this.bySkill, skill, record.slot);
    const { occupations, units, groups } = occupationKeys(record.compiled);
    for (const uri of occupations) pull(this.byOccupation, uri, record.slot);
    for (const unit of units) pull(this.byUnit, unit, record.slot);
    for (const group of groups) pull(this.byGroup, group, record.slot);
  }

  putVacancy(input: MatchVacancyInput, gate: VacancyGate): void {
    this.removeVacancy(input.id);
    const slot = this.freeVacancySlots.pop() ?? this.vacancyBySlot.length;
    const compiled = compileVacancy(input, this.model.space);
    const record = { slot, compiled, gate, bounds: vacancyBounds(compiled, this.model) };
    this.vacancies.set(input.id, record);
    this.vacancyBySlot[slot] = record;
    this.vacancyRest[slot] = record.bounds.rest;
    this.vacancyState[slot] = record.bounds.memberState;
    this.vacancyStateBit[slot] = compiled.stateBit;
    this.vacancyRestFactors.set(slot, compiled, this.model.weights);
    for (const [skill, credit] of record.bounds.skills) post(this.vacanciesBySkill, skill, slot, credit);
    post(this.vacanciesByOccupation, input.occupationUri, slot, record.bounds.occupation);
    post(this.vacanciesByUnit, compiled.isco4, slot, record.bounds.unit);
    post(this.vacanciesByGroup, compiled.isco3, slot, record.bounds.group);
  }

  removeVacancy(id: string): void {
    const record = this.vacancies.get(id);
    if (!record) return;
    this.vacancies.delete(id);
    this.vacancyBySlot[record.slot] = undefined;
    this.freeVacancySlots.push(record.slot);
    for (const skill of record.bounds.skills.keys()) unpost(this.vacanciesBySkill, skill, record.slot);
    unpost(this.vacanciesByOccupation, record.compiled.input.occupationUri, record.slot);
    unpost(this.vacanciesByUnit, record.compiled.isco4, record.slot);
    unpost(this.vacanciesByGroup, record.compiled.isco3, record.slot);
  }

  isCandidateMatchable(id: string, now = Date.now()): boolean {
    const record = this.candidates.get(id);
    return record !== undefined && candidateEligible(record.gate, this.facts, now);
  }

  isVacancyMatchable(id: string, now = Date.now()): boolean {
    const record = this.vacancies.get(id);
    return record !== undefined && vacancyMatchable(record, this.facts, now);
  }

  vacancyIds(filter: (gate: VacancyGate, memberState: string) => boolean = () => true): string[] {
    return [...this.vacancies.entries()]
      .filter(([, record]) => filter(record.gate, record.compiled.input.memberState))
      .map(([id]) => id);
  }

  candidateIds(): string[] {
    return [...this.candidates.keys()];
  }

  /** The vacancy's best candidates, best first (ties by `pairTie`), explained; empty when it is not matchable. */
  rankCandidates(vacancyId: string, options: RankOptions, now = Date.now()): RankedMatch[] {
    return explainAll(this.candidateList(vacancyId, options, now));
  }

  /** The candidate's best vacancies, best first (ties by `pairTie`), explained; empty when not matchable. */
  rankVacancies(candidateId: string, options: RankOptions, now = Date.now()): RankedMatch[] {
    return explainAll(this.vacancyList(candidateId, options, now));
  }

  /** `rankCandidates` with each explanation computed only when asked for. */
  candidateList(vacancyId: string, options: RankOptions, now = Date.now()): ExplainableList {
    const matches = this.scoreCandidates(vacancyId, options, now);
    const vacancy = this.vacancies.get(vacancyId)?.compiled;
    const candidates = matches.map(({ slot }) => this.bySlot[slot]!.compiled);
    return {
      matches,
      explain: (at) => explainPair(vacancy!, candidates[at], this.model)!,
      stored: (at) => storedPairExplanation(vacancy!, candidates[at], this.model)!,
    };
  }

  /** `rankVacancies` with each explanation computed only when asked for. */
  vacancyList(candidateId: string, options: RankOptions, now = Date.now()): ExplainableList {
    const matches = this.scoreVacancies(candidateId, options, now);
    const candidate = this.candidates.get(candidateId)?.compiled;
    const vacancies = matches.map(({ slot }) => this.vacancyBySlot[slot]!.compiled);
    return {
      matches,
      explain: (at) => explainPair(vacancies[at], candidate!, this.model)!,
      stored: (at) => storedPairExplanation(vacancies[at], candidate!, this.model)!,
    };
  }

  /** The pair's score and explanation from the store's records; null when either is not held or nothing relates them. */
  explain(vacancyId: string, candidateId: string): ScoredMatch | null {
    return this.withPair(vacancyId, candidateId, explainPair);
  }

  /** `explain`, with the explanation as the matches table stores it. */
  explainStored(vacancyId: string, candidateId: string): StoredMatch | null {
    return this.withPair(vacancyId, candidateId, storedPairExplanation);
  }

  private withPair<T>(
    vacancyId: string,
    candidateId: string,
    explain: (vacancy: CompiledVacancy, candidate: CompiledCandidate, model: ScoringModel) => T | null,
  ): T | null {
    const vacancy = this.vacancies.get(vacancyId);
    const candidate = this.candidates.get(candidateId);
    return vacancy && candidate ? explain(vacancy.compiled, candidate.compiled, this.model) : null;
  }

  /** `rankCandidates` without explanations: ids, scores and the store's slots of the candidates. */
  scoreCandidates(vacancyId: string, options: RankOptions, now = Date.now()): ScoredSlot[] {
    const vacancy = this.vacancies.get(vacancyId);
    if (!vacancy || !vacancyMatchable(vacancy, this.facts, now)) return [];
    const { compiled, bounds } = vacancy;
    const required =
      this.model.languageMode === 'hard' ? this.languageRanks.required(compiled) : NO_LANGUAGES;
    if (!required) return [];
    const acc = this.candidateBounds;
    acc.begin(this.bySlot.length);
    // A candidate earns the closest of their occupations only: the most of the three lists, then
    // the skills on top.
    const exact = this.byOccupation.get(compiled.input.occupationUri);
    if (exact) acc.raise(exact, bounds.occupation);
    const unit = this.byUnit.get(compiled.isco4);
    if (unit) acc.raise(unit, bounds.unit);
    const group = this.byGroup.get(compiled.isco3);
    if (group) acc.raise(group, bounds.group);
    for (const [skill, credit] of bounds.skills) {
      const slots = this.bySkill.get(skill);
      if (slots) acc.add(slots, credit);
    }
    const found = boundedTop({
      items: acc.touched,
      count: acc.count,
      bounds: acc.bounds,
      offset: bounds.rest + bounds.memberState,
      limit: options.limit,
      minScore: options.minScore,
      shortfall: this.candidateShortfall(compiled),
      score: (slot) => {
        if (!speaksRequired(required, slot)) return -1;
        const record = this.bySlot[slot]!;
        if (!candidateEligible(record.gate, this.facts, now)) return -1;
        return scorePair(compiled, record.compiled, this.model);
      },
    });
    this.pairsChecked += found.scored;
    return ranked(
      found,
      options.limit,
      (slot) => this.bySlot[slot]!.compiled.input.id,
      (id) => pairTie(vacancyId, id),
    );
  }

  /**
   * For a vacancy's query: how far a candidate's score falls below the bound that takes languages,
   * education, start date and Member State at full, read from the candidate's slot without their
   * record. Each part is that factor's exact value for the pair.
   */
  private candidateShortfall(vacancy: CompiledVacancy): (slot: number) => number {
    const w = vacancyWeights(vacancy, this.model.weights);
    const { minEqfLevel } = vacancy.input;
    const languages = vacancy.input.languages.map((language) => ({
      ranks: this.languageRanks.ranksOf(language.code),
      min: language.minCefrRank,
    }));
    const { stateBit, startDay } = vacancy;
    const { candidateEqf, candidateStartDay, candidatePreferred } = this;
    return (slot) => {
      let languageMean = 0;
      if (w.languages > 0) {
        for (const { ranks, min } of languages) languageMean += languageCredit(min, ranks ? ranks[slot] : 0);
        languageMean /= languages.length;
      }
      // Without bits to decide by, the Member State stays at full.
      const state = memberStateCredit(candidatePreferred[slot], stateBit) ?? 1;
      return (
        restShortfall(w, languageMean, minEqfLevel, candidateEqf[slot], startDay, candidateStartDay[slot]) +
        w.memberState * (1 - state)
      );
    };
  }

  /**
   * For a candidate's query: how far a vacancy's score falls below the bound that takes its
   * languages, education and start date at full, read from arrays by vacancy slot without the
   * vacancy's record. Each part is that factor's exact value for the pair.
   */
  private vacancyShortfall(candidate: CompiledCandidate): (slot: number) => number {
    const factors = this.vacancyRestFactors;
    const ranks = factors.languageIds.ranks(candidate.languages);
    const { eqfLevel } = candidate.input;
    const { startDay } = candidate;
    return (slot) => factors.shortfall(slot, ranks, eqfLevel, startDay);
  }

  /** `rankVacancies` without explanations: ids, scores and the store's slots of the vacancies. */
  scoreVacancies(candidateId: string, options: RankOptions, now = Date.now()): ScoredSlot[] {
    const candidate = this.candidates.get(candidateId);
    if (!candidate || !candidateEligible(candidate.gate, this.facts, now)) return [];
    const acc = this.vacancyBoundsAcc;
    acc.begin(this.vacancyBySlot.length);
    // The closest of the candidate's occupations counts: the most of the lists a vacancy is in
    // through them, then the skills on top.
    const { occupations, units, groups } = occupationKeys(candidate.compiled);
    for (const [keys, index] of [
      [occupations, this.vacanciesByOccupation],
      [units, this.vacanciesByUnit],
      [groups, this.vacanciesByGroup],
    ] as const)
      for (const key of keys) {
        const postings = index.get(key);
        if (postings) acc.raise(postings.slots, 0, postings.credits);
      }
    for (const skill of candidate.compiled.skills) {
      const postings = this.vacanciesBySkill.get(skill);
      if (postings) acc.add(postings.slots, 0, postings.credits);
    }
    // The candidate is known here, so the Member State credit is read from their preferences (at
    // full where a code has no bit).
    const preferred = candidate.compiled.preferredStates;
    const { vacancyRest, vacancyState, vacancyStateBit } = this;
    for (let i = 0; i < acc.count; i++) {
      const slot = acc.touched[i];
      const state = memberStateCredit(preferred, vacancyStateBit[slot]) ?? 1;
      acc.bounds[slot] += vacancyRest[slot] + vacancyState[slot] * state;
    }
    const found = boundedTop({
      items: acc.touched,
      count: acc.count,
      bounds: acc.bounds,
      limit: options.limit,
      minScore: options.minScore,
      shortfall: this.vacancyShortfall(candidate.compiled),
      score: (slot) => {
        const record = this.vacancyBySlot[slot]!;
        if (!vacancyMatchable(record, this.facts, now)) return -1;
        return scorePair(record.compiled, candidate.compiled, this.model);
      },
    });
    this.pairsChecked += found.scored;
    return ranked(
      found,
      options.limit,
      (slot) => this.vacancyBySlot[slot]!.compiled.input.id,
      (id) => pairTie(id, candidateId),
    );
  }

  /** Slots in use are below this; a slot is stable while its record stays in the store. */
  get candidateSlots(): number {
    return this.bySlot.length;
  }

  get vacancySlots(): number {
    return this.vacancyBySlot.length;
  }

  candidateIdAt(slot: number): string | undefined {
    return this.bySlot[slot]?.compiled.input.id;
  }

  vacancyIdAt(slot: number): string | undefined {
    return this.vacancyBySlot[slot]?.compiled.input.id;
  }

  candidateSlotOf(id: string): number | undefined {
    return this.candidates.get(id)?.slot;
  }

  vacancySlotOf(id: string): number | undefined {
    return this.vacancies.get(id)?.slot;
  }
}

export interface ScoredSlot {
  id: string;
  slot: number;
  score: number;
  tie: number;
}

function explainAll(list: ExplainableList): RankedMatch[] {
  return list.matches.map((match, at) => ({ id: match.id, ...list.explain(at) }));
}

/**
 * Orders equal scores within a list: a hash of the pair, so each vacancy orders its tied candidates
 * (and each candidate its tied vacancies) differently but always the same way, and nobody wins
 * every tie by the accident of an id or a reference code. FNV-1a over both ids, 31 bits so it fits
 * a Postgres integer.
 */
export function pairTie(vacancyId: string, candidateId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < vacancyId.length; i++) hash = Math.imul(hash ^ vacancyId.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ 0x2f, 0x01000193);
  for (let i = 0; i < candidateId.length; i++) hash = Math.imul(hash ^ candidateId.charCodeAt(i), 0x01000193);
  return (hash >>> 1) & 0x7fffffff;
}

/** Best first: score, then the pair's tie value, then id (only for an exact hash collision). */
export function byRank(a: { id: string; score: number; tie: number }, b: typeof a): number {
  return b.score - a.score || a.tie - b.tie || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The best `limit` of what a search found, by `byRank`. Only items scoring at least the `limit`-th
 * best score can be among them, so only those are looked up for their id and tie value.
 */
function ranked(
  found: { items: number[]; scores: number[] },
  limit: number,
  idAt: (slot: number) => string,
  tieOf: (id: string) => number,
): ScoredSlot[] {
  const { items, scores } = found;
  const cut = items.length > limit ? Float64Array.from(scores).sort()[items.length - limit] : -Infinity;
  const scored: ScoredSlot[] = [];
  for (let at = 0; at < items.length; at++) {
    if (scores[at] < cut) continue;
    const id = idAt(items[at]);
    scored.push({ id, slot: items[at], score: scores[at], tie: tieOf(id) });
  }
  return scored.sort(byRank).slice(0, limit);
}

/** The distinct occupations, ISCO unit groups and minor groups a candidate declares. */
function occupationKeys(candidate: CompiledCandidate): {
  occupations: Set<string>;
  units: Set<string>;
  groups: Set<string>;
} {
  return {
    occupations: new Set(candidate.occupations.map((occupation) => occupation.uri)),
    units: new Set(candidate.occupations.map((occupation) => occupation.unit)),
    groups: new Set(candidate.occupations.map((occupation) => occupation.group)),
  };
}

function post<K>(index: Map<K, Postings>, key: K, slot: number, credit: number): void {
  const postings = index.get(key);
  if (!postings) index.set(key, { slots: [slot], credits: [credit] });
  else {
    postings.slots.push(slot);
    postings.credits.push(credit);
  }
}

function unpost<K>(index: Map<K, Postings>, key: K, slot: number): void {
  const postings = index.get(key)!;
  const at = postings.slots.indexOf(slot);
  const last = postings.slots.length - 1;
  postings.slots[at] = postings.slots[last];
  postings.credits[at] = postings.credits[last];
  postings.slots.pop();
  postings.credits.pop();
  if (last === 0) index.delete(key);
}

function push(index: Map<number | string, number[]>, key: number | string, slot: number): void {
  const list = index.get(key);
  if (list) list.push(slot);
  else index.set(key, [slot]);
}

function pull(index: Map<number | string, number[]>, key: number | string, slot: number): void {
  const list = index.get(key);
  if (!list) return;
  const at = list.indexOf(slot);
  if (at >= 0) {
    list[at] = list[list.length - 1];
    list.pop();
  }
  if (list.length === 0) index.delete(key);
}

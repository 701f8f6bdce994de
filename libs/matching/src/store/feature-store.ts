import { compileCandidate, compileVacancy } from '../scoring/compiled';
import type { MatchCandidateInput, MatchVacancyInput } from '../scoring/match-input';
import { explainPair, scorePair, type ScoredMatch, type ScoringModel } from '../scoring/score';
import {
  candidateEligible,
  vacancyMatchable,
  type CandidateGate,
  type CandidateRecord,
  type EligibilityFacts,
  type VacancyGate,
  type VacancyRecord,
} from './feature-records';

export interface RankedMatch extends ScoredMatch {
  /** The other side of the pair: a candidate id for a vacancy's list, a vacancy id for a candidate's. */
  id: string;
}

export interface RankOptions {
  limit: number;
  minScore: number;
}

const EMPTY_FACTS: EligibilityFacts = {
  verifiedEmployers: new Set(),
  participatingStates: new Set(),
  blockedCountries: new Set(),
};

/**
 * Every matchable candidate and vacancy in compact form, with inverted indexes (skill → candidates,
 * ISCO minor group → candidates), so a vacancy is scored only against candidates that share a
 * skill, an ESCO neighbour of one, or an occupation group. No I/O: the loader feeds it.
 */
export class FeatureStore {
  private readonly candidates = new Map<string, CandidateRecord>();
  private readonly bySlot: (CandidateRecord | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly bySkill = new Map<number, number[]>();
  private readonly byGroup = new Map<string, number[]>();
  private readonly vacancies = new Map<string, VacancyRecord>();
  private stamps = new Uint32Array(0);
  private stamp = 0;
  facts: EligibilityFacts = EMPTY_FACTS;

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
    for (const skill of record.compiled.skills) push(this.bySkill, skill, slot);
    for (const group of groupsOf(input)) push(this.byGroup, group, slot);
  }

  removeCandidate(id: string): void {
    const record = this.candidates.get(id);
    if (!record) return;
    this.candidates.delete(id);
    this.bySlot[record.slot] = undefined;
    this.freeSlots.push(record.slot);
    for (const skill of record.compiled.skills) pull(this.bySkill, skill, record.slot);
    for (const group of groupsOf(record.compiled.input)) pull(this.byGroup, group, record.slot);
  }

  putVacancy(input: MatchVacancyInput, gate: VacancyGate): void {
    this.vacancies.set(input.id, { compiled: compileVacancy(input, this.model.space), gate });
  }

  removeVacancy(id: string): void {
    this.vacancies.delete(id);
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

  /** The vacancy's best candidates, best first (ties by id), explained; empty when it is not matchable. */
  rankCandidates(vacancyId: string, options: RankOptions, now = Date.now()): RankedMatch[] {
    const vacancy = this.vacancies.get(vacancyId);
    if (!vacancy || !vacancyMatchable(vacancy, this.facts, now)) return [];
    const compiled = vacancy.compiled;
    const stamp = this.nextStamp();
    const scored: { id: string; score: number; record: CandidateRecord }[] = [];
    const visit = (slot: number) => {
      if (this.stamps[slot] === stamp) return;
      this.stamps[slot] = stamp;
      const record = this.bySlot[slot];
      if (!record || !candidateEligible(record.gate, this.facts, now)) return;
      const score = scorePair(compiled, record.compiled, this.model);
      if (score >= options.minScore) scored.push({ id: record.compiled.input.id, score, record });
    };
    for (const held of compiled.cover.keys()) for (const slot of this.bySkill.get(held) ?? []) visit(slot);
    for (const slot of this.byGroup.get(compiled.isco3) ?? []) visit(slot);
    return top(scored, options.limit).map(({ id, record }) => ({
      id,
      ...explainPair(compiled, record.compiled, this.model)!,
    }));
  }

  /** The candidate's best vacancies, best first (ties by id), explained; empty when not matchable. */
  rankVacancies(candidateId: string, options: RankOptions, now = Date.now()): RankedMatch[] {
    const candidate = this.candidates.get(candidateId);
    if (!candidate || !candidateEligible(candidate.gate, this.facts, now)) return [];
    const scored: { id: string; score: number; record: VacancyRecord }[] = [];
    for (const [id, record] of this.vacancies) {
      if (!vacancyMatchable(record, this.facts, now)) continue;
      const score = scorePair(record.compiled, candidate.compiled, this.model);
      if (score >= options.minScore) scored.push({ id, score, record });
    }
    return top(scored, options.limit).map(({ id, record }) => ({
      id,
      ...explainPair(record.compiled, candidate.compiled, this.model)!,
    }));
  }

  private nextStamp(): number {
    if (this.stamps.length < this.bySlot.length) {
      const grown = new Uint32Array(Math.max(1024, this.bySlot.length * 2));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    this.stamp = (this.stamp + 1) >>> 0 || 1;
    return this.stamp;
  }
}

function top<T extends { id: string; score: number }>(scored: T[], limit: number): T[] {
  return scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, limit);
}

function groupsOf(input: MatchCandidateInput): Set<string> {
  return new Set(input.occupations.map((occupation) => occupation.iscoCode.slice(0, 3)));
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

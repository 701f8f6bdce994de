import type { CompiledVacancy } from '../scoring/compiled';

/** A required language of a vacancy: every held candidate's rank in it, by slot, and the rank asked. */
export interface RequiredLanguage {
  ranks: Uint8Array;
  min: number;
}

/**
 * Each held candidate's CEFR rank (0 = none) in every language some held candidate speaks, one byte
 * per slot and language. A vacancy's hard language rule reads it before the candidate's record: in
 * a pool drawn from many countries most candidates a vacancy reaches through its skills lack one of
 * its required languages, and reading their records only to exclude them was most of a query's work.
 */
export class LanguageRanks {
  private readonly byLanguage = new Map<string, Uint8Array>();
  private capacity = 1024;

  set(slot: number, languages: ReadonlyMap<string, number>): void {
    if (slot >= this.capacity) this.grow(slot + 1);
    for (const [code, rank] of languages) {
      let ranks = this.byLanguage.get(code);
      if (!ranks) this.byLanguage.set(code, (ranks = new Uint8Array(this.capacity)));
      ranks[slot] = rank;
    }
  }

  clear(slot: number, languages: ReadonlyMap<string, number>): void {
    for (const code of languages.keys()) this.byLanguage.get(code)![slot] = 0;
  }

  /**
   * The vacancy's required languages with their ranks by slot (every slot of the store is within
   * them); null when no held candidate speaks one of them at all, so nobody can match.
   */
  required(vacancy: CompiledVacancy): RequiredLanguage[] | null {
    const required: RequiredLanguage[] = [];
    for (const language of vacancy.input.languages) {
      if (language.requirement !== 'required' || language.minCefrRank <= 0) continue;
      const ranks = this.ranksOf(language.code);
      if (!ranks) return null;
      required.push({ ranks, min: language.minCefrRank });
    }
    return required;
  }

  /** Every held candidate's rank in the language, by slot; undefined when no held candidate speaks it. */
  ranksOf(code: string): Uint8Array | undefined {
    return this.byLanguage.get(code);
  }

  private grow(size: number): void {
    this.capacity = Math.max(size, 2 * this.capacity);
    for (const [code, ranks] of this.byLanguage) {
      const grown = new Uint8Array(this.capacity);
      grown.set(ranks);
      this.byLanguage.set(code, grown);
    }
  }
}

/** True when the slot's ranks meet every required language. */
export function speaksRequired(required: readonly RequiredLanguage[], slot: number): boolean {
  for (let i = 0; i < required.length; i++) if (required[i].ranks[slot] < required[i].min) return false;
  return true;
}

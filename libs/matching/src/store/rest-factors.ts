import type { CompiledVacancy } from '../scoring/compiled';
import type { MatchWeights } from '../scoring/factors';
import { educationCredit, languageCredit, startDateCredit, vacancyWeights } from '../scoring/score';

/**
 * What languages, education and start date lose against full credit for a pair, each part that
 * factor's exact value (the functions the score uses) under the vacancy's effective weights.
 * `languageMean` is the mean `languageCredit` over the vacancy's languages.
 */
export function restShortfall(
  weights: Pick<MatchWeights, 'languages' | 'education' | 'startDate'>,
  languageMean: number,
  minEqf: number | null,
  eqfLevel: number | null,
  vacancyStartDay: number | null,
  candidateStartDay: number | null,
): number {
  let shortfall = 0;
  if (weights.languages > 0) shortfall += weights.languages * (1 - languageMean);
  if (weights.education > 0) shortfall += weights.education * (1 - educationCredit(minEqf, eqfLevel));
  if (weights.startDate > 0)
    shortfall += weights.startDate * (1 - startDateCredit(vacancyStartDay, candidateStartDay));
  return shortfall;
}

/** Small numbers for language codes, given in order of first sight, so a query can read ranks by index. */
export class LanguageIds {
  private readonly ids = new Map<string, number>();

  of(code: string): number {
    let id = this.ids.get(code);
    if (id === undefined) this.ids.set(code, (id = this.ids.size));
    return id;
  }

  /** A candidate's CEFR rank by language id (0 where they do not speak it). */
  ranks(languages: ReadonlyMap<string, number>): Uint8Array {
    const ranks = new Uint8Array(this.ids.size);
    for (const [code, rank] of languages) {
      const id = this.ids.get(code);
      if (id !== undefined) ranks[id] = rank;
    }
    return ranks;
  }
}

/** Per slot: languages, education and start-date weights, EQF level, start day, language count, languages. */
const STRIDE = 8;
const KEPT_LANGUAGES = 2;
/** Stands for a null EQF level or start day. */
const NONE = -1e9;
const RANK_BITS = 4;
const RANK_MASK = (1 << RANK_BITS) - 1;

/**
 * Each vacancy's languages, EQF level and start date with their effective weights, by slot in one
 * flat array, so a candidate's query can charge what these factors lose for a pair (`restShortfall`)
 * from one read of adjacent numbers, before reading the vacancy's record. A vacancy's languages are
 * kept as `id << 4 | rank asked` (`LanguageIds`); one asking for more than two is charged nothing
 * for languages, which keeps the charge at or below the true loss.
 */
export class RestFactorTable {
  private table = new Float64Array(STRIDE * 1024);
  /** The slot's weights as `restShortfall` takes them, refilled per call instead of allocated. */
  private readonly weights = { languages: 0, education: 0, startDate: 0 };
  readonly languageIds = new LanguageIds();

  set(slot: number, vacancy: CompiledVacancy, weights: MatchWeights): void {
    if ((slot + 1) * STRIDE > this.table.length) {
      const grown = new Float64Array(Math.max((slot + 1) * STRIDE, 2 * this.table.length));
      grown.set(this.table);
      this.table = grown;
    }
    const effective = vacancyWeights(vacancy, weights);
    const { languages, minEqfLevel } = vacancy.input;
    const at = slot * STRIDE;
    const table = this.table;
    table[at] = effective.languages;
    table[at + 1] = effective.education;
    table[at + 2] = effective.startDate;
    table[at + 3] = minEqfLevel ?? NONE;
    table[at + 4] = vacancy.startDay ?? NONE;
    table[at + 5] = languages.length <= KEPT_LANGUAGES ? languages.length : -1;
    languages.slice(0, KEPT_LANGUAGES).forEach((language, index) => {
      table[at + 6 + index] =
        (this.languageIds.of(language.code) << RANK_BITS) | Math.min(language.minCefrRank, RANK_MASK);
    });
  }

  /**
   * What the vacancy in `slot` loses on these factors with a candidate of these ranks by language
   * id (`languageIds.ranks`), EQF level and start day.
   */
  shortfall(slot: number, ranks: Uint8Array, eqfLevel: number | null, startDay: number | null): number {
    const table = this.table;
    const at = slot * STRIDE;
    const count = table[at + 5];
    let languageMean = 1;
    if (count > 0) {
      let sum = 0;
      for (let index = 0; index < count; index++) {
        const entry = table[at + 6 + index];
        const id = entry >> RANK_BITS;
        sum += languageCredit(entry & RANK_MASK, id < ranks.length ? ranks[id] : 0);
      }
      languageMean = sum / count;
    }
    const minEqf = table[at + 3];
    const vacancyDay = table[at + 4];
    const weights = this.weights;
    weights.languages = table[at];
    weights.education = table[at + 1];
    weights.startDate = table[at + 2];
    return restShortfall(
      weights,
      languageMean,
      minEqf === NONE ? null : minEqf,
      eqfLevel,
      vacancyDay === NONE ? null : vacancyDay,
      startDay,
    );
  }
}

import { CEFR_LEVELS } from '../reference-levels';
import { sqlOperand } from '@app/common';

export const CEFR_CODES = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrCode = (typeof CEFR_CODES)[number];

const RANKS = new Map(CEFR_LEVELS.map((level) => [level.code, level.rank]));

export function isCefrCode(code: string): code is CefrCode {
  return (CEFR_CODES as readonly string[]).includes(code);
}

/** A CEFR level's rank, A1 = 1 … C2 = 6; null for anything else (codes are upper case). */
export function cefrRank(code: string): number | null {
  return RANKS.get(code) ?? null;
}

/**
 * `cefrRank` for SQL readers: the rank of the code in `column`, or NULL. Compared as text: the
 * `char(2)` column would otherwise match 'C2 ' too.
 */
export function cefrRankSql(column: string): string {
  return `(SELECT rank FROM cefr_levels WHERE code::text = ${sqlOperand(column)}::text)`;
}

import type { CefrLevel, EqfLevel } from './reference-data.types';

/** Common European Framework of Reference for Languages, in order. */
export const CEFR_LEVELS: readonly CefrLevel[] = [
  { code: 'A1', rank: 1, name: 'Breakthrough' },
  { code: 'A2', rank: 2, name: 'Waystage' },
  { code: 'B1', rank: 3, name: 'Threshold' },
  { code: 'B2', rank: 4, name: 'Vantage' },
  { code: 'C1', rank: 5, name: 'Effective operational proficiency' },
  { code: 'C2', rank: 6, name: 'Mastery' },
];

/** European Qualifications Framework levels, with the knowledge descriptor of each. */
export const EQF_LEVELS: readonly EqfLevel[] = [
  { level: 1, description: 'Basic general knowledge' },
  { level: 2, description: 'Basic factual knowledge of a field of work or study' },
  {
    level: 3,
    description: 'Knowledge of facts, principles, processes and general concepts in a field of work or study',
  },
  {
    level: 4,
    description: 'Factual and theoretical knowledge in broad contexts within a field of work or study',
  },
  {
    level: 5,
    description:
      'Comprehensive, specialised, factual and theoretical knowledge within a field of work or study',
  },
  {
    level: 6,
    description:
      'Advanced knowledge of a field of work or study, involving a critical understanding of theories and principles',
  },
  {
    level: 7,
    description:
      'Highly specialised knowledge, some of which is at the forefront of knowledge in a field of work or study',
  },
  { level: 8, description: 'Knowledge at the most advanced frontier of a field of work or study' },
];

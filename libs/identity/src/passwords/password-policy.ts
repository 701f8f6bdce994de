import type { DomainErrorDetail } from '@app/common';
import { localPartOf } from '../accounts/email';
import { COMMON_PASSWORD_WORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
const MIN_DISTINCT_CHARACTERS = 5;
const SEQUENCES = ['01234567890', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'];

/**
 * Length first (NIST SP 800-63B): no composition rules, but refuse what attackers try first —
 * common words dressed up with digits and symbols, runs and repeats, and the user's own email.
 * Returns every broken rule, empty when the password is acceptable.
 */
export function passwordProblems(password: string, email: string): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push(problem(`must be at least ${PASSWORD_MIN_LENGTH} characters long`));
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push(problem(`must be at most ${PASSWORD_MAX_LENGTH} characters long`));
  }
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (COMMON_PASSWORD_WORDS.has(core) || COMMON_PASSWORD_WORDS.has(lower)) {
    problems.push(problem('is too common'));
  }
  if (new Set(lower).size < MIN_DISTINCT_CHARACTERS || isSequence(lower)) {
    problems.push(problem('is too predictable (repeated or sequential characters)'));
  }
  const localPart = localPartOf(email);
  if (localPart.length >= 3 && lower.includes(localPart)) {
    problems.push(problem('must not contain your email address'));
  }
  return problems;
}

function problem(reason: string): DomainErrorDetail {
  return { field: 'password', reason };
}

function isSequence(lower: string): boolean {
  const compact = lower.replace(/[^a-z0-9]/g, '');
  if (compact.length < lower.length * 0.8) return false;
  return SEQUENCES.some((sequence) => {
    const reversed = [...sequence].reverse().join('');
    return [sequence, reversed].some((run) => run.includes(compact) || isRepeatOf(compact, run));
  });
}

/** e.g. `123412341234` or `abcabcabcabc`: a short run of a sequence repeated. */
function isRepeatOf(value: string, sequence: string): boolean {
  for (let size = 2; size <= 6; size += 1) {
    const unit = value.slice(0, size);
    if (sequence.includes(unit) && unit.repeat(Math.ceil(value.length / size)).startsWith(value)) return true;
  }
  return false;
}

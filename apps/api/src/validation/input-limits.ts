import type { DomainErrorDetail } from '@app/common';

/** Far above any request of this API; below what the transformer and validators handle safely. */
export const INPUT_LIMITS = { depth: 12, values: 10_000, reported: 20 } as const;

/** Keys that name the prototype chain: never a field of ours, refused like any unknown field. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** PostgreSQL cannot store U+0000 in text or jsonb; validators break on unpaired surrogates. */
function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (UNPAIRED_SURROGATE.test(text)) return 'must be well-formed Unicode (no unpaired UTF-16 surrogate)';
  return undefined;
}

/**
 * What no field of any request may hold, whatever its type: text PostgreSQL or the validators
 * cannot take, prototype keys, nesting deeper or more values than `INPUT_LIMITS`. Walks the parsed
 * input without recursing past the depth limit, so it is safe on hostile input.
 */
export function unsafeInputProblems(input: unknown, field = ''): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  let values = 0;
  const at = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);
  const report = (path: string, reason: string) => {
    if (problems.length < INPUT_LIMITS.reported) problems.push(path ? { field: path, reason } : { reason });
  };

  const visit = (value: unknown, path: string, depth: number): boolean => {
    values += 1;
    if (values > INPUT_LIMITS.values) {
      report('', `must not hold more than ${INPUT_LIMITS.values} values`);
      return false;
    }
    if (typeof value === 'string') {
      const reason = textProblem(value);
      if (reason) report(path, reason);
      return true;
    }
    if (typeof value !== 'object' || value === null) return true;
    if (depth >= INPUT_LIMITS.depth) {
      report(path, `must not nest deeper than ${INPUT_LIMITS.depth} levels`);
      return true;
    }
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) {
        report(at(path, key), `field ${key} is not allowed`);
        continue;
      }
      const keyProblem = textProblem(key);
      if (keyProblem) {
        report(path, `field names ${keyProblem}`);
        continue;
      }
      if (!visit((value as Record<string, unknown>)[key], at(path, key), depth + 1)) return false;
    }
    return true;
  };

  visit(input, field, 0);
  return problems;
}

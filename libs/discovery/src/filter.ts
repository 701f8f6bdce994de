/**
 * Meilisearch filter expressions from typed values. Values are JSON-quoted, so a caller's string can
 * never close the quote and inject a clause.
 */
export const quote = (value: string): string => JSON.stringify(value);

/** `attribute IN ["a", "b"]`: matches documents holding any of the values. */
export function anyOf(attribute: string, values: readonly string[] | undefined): string | null {
  if (!values || values.length === 0) return null;
  return `${attribute} IN [${values.map(quote).join(', ')}]`;
}

/** One clause per value: documents holding every value. */
export function allOf(attribute: string, values: readonly string[] | undefined): string[] {
  return (values ?? []).map((value) => `${attribute} = ${quote(value)}`);
}

export function atLeast(attribute: string, value: number | undefined): string | null {
  return value === undefined ? null : `${attribute} >= ${Number(value)}`;
}

export const clauses = (...parts: (string | string[] | null)[]): string[] =>
  parts.flatMap((part) => (part === null ? [] : Array.isArray(part) ? part : [part]));

export const nowSeconds = (now: Date): number => Math.floor(now.getTime() / 1000);

/** A catalogue: nested objects of strings. Plural keys end in a CLDR category (`_one`, `_other`…). */
export interface Messages {
  readonly [key: string]: string | Messages;
}

/** Every leaf key of a catalogue, dotted. */
export function keysOf(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

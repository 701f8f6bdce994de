import { LOCALES, type Locale } from '../locales';
import { ar } from './ar';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { keysOf, type Messages } from './messages';

const CATALOGUES: Record<Locale, Messages> = { en, fr, es, ar };
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Plain keys as they are; plural keys as base + every CLDR category the language needs. */
function expectedKeys(locale: Locale): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const keys = keysOf(en);
  const plain = keys.filter((key) => !PLURAL.test(key));
  const plural = [...new Set(keys.filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')))];
  return [...plain, ...plural.flatMap((base) => categories.map((category) => `${base}_${category}`))].sort();
}

describe('interface messages', () => {
  it.each(LOCALES)('%s has every key, with each plural form the language needs', (locale) => {
    expect(keysOf(CATALOGUES[locale]).sort()).toEqual(expectedKeys(locale));
  });

  it('asks Arabic for its six plural forms', () => {
    expect(new Intl.PluralRules('ar').resolvedOptions().pluralCategories).toHaveLength(6);
    expect(keysOf(ar).filter((key) => key.startsWith('jobs.results_'))).toHaveLength(6);
  });

  it.each(LOCALES)('%s leaves no text empty and keeps every placeholder', (locale) => {
    const english = new Map(keysOf(en).map((key) => [key.replace(PLURAL, ''), key]));
    for (const key of keysOf(CATALOGUES[locale])) {
      const text = lookup(CATALOGUES[locale], key);
      expect(text.trim()).not.toBe('');
      const source = lookup(en, english.get(key.replace(PLURAL, '')) ?? key);
      const placeholders = (value: string) =>
        [...value.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((match) => match[1]).filter((name) => name !== 'count');
      expect(placeholders(text).sort()).toEqual(placeholders(source).sort());
    }
  });
});

function lookup(messages: Messages, key: string): string {
  const value = key.split('.').reduce<string | Messages>((node, part) => (node as Messages)[part], messages);
  return value as string;
}

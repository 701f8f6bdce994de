import type { Locale } from '../i18n/locales';

/** Building blocks of the national contact point's and the administrator's consoles: dates. */

/** A calendar day (`2026-12-02` or a timestamp) in the page's language, UTC. */
export function formatDay(locale: Locale, value: string | null | undefined): string {
  if (!value) return '–';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Today (UTC) as the API's ISO day. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

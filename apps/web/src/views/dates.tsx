import type { Locale } from '../i18n/locales';

/**
 * Dates in the page's language. The server does not know the reader's time zone: times are shown in
 * UTC and say so; calendar days (`2027-03-01`) are shown as the day they are.
 */
export function formatDateTime(locale: Locale, value: string | Date): string {
  // dateStyle cannot be combined with timeZoneName: the parts are spelled out.
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(value));
}

export function formatDay(locale: Locale, isoDay: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`));
}

/** A point in time, machine-readable and in words. */
export function Time({ locale, value }: { locale: Locale; value: string | Date }) {
  return <time dateTime={new Date(value).toISOString()}>{formatDateTime(locale, value)}</time>;
}

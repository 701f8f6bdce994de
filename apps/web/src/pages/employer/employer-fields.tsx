import type { PageContext } from '../../views/page-context';
import { languageName } from '../reference-data';

/** A status shown as an ECL label, its words in the page's language. */
export function StatusTag({ ctx, status, id }: { ctx: PageContext; status: string; id?: string }) {
  const tone: Record<string, string> = { verified: 'ok', published: 'ok', pending: 'wait', draft: 'wait', suspended: 'stop', removed: 'stop', closed: 'stop' };
  return (
    <span id={id} class={`etp-status etp-status--${tone[status] ?? 'info'}`}>
      {ctx.t(`employer.status.${status}`, { defaultValue: status })}
    </span>
  );
}

/** A date or time in the page's language (dates of the API are UTC). */
export function shortDate(ctx: PageContext, value: string | Date | null | undefined): string {
  if (!value) return '';
  return new Date(value).toLocaleDateString(ctx.locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
}

/** Items joined as the page's language lists them ("A, B and C", "A، B وC"). */
export function listOf(ctx: PageContext, items: string[]): string {
  return new Intl.ListFormat(ctx.locale, { style: 'short', type: 'unit' }).format(items);
}

/** A candidate's languages with their CEFR levels, or a dash. */
export function languagesOf(ctx: PageContext, languages: ReadonlyArray<{ code: string; cefr: string }>): string {
  return languages.length ? listOf(ctx, languages.map((language) => `${languageName(ctx.locale, language.code)} ${language.cefr}`)) : '–';
}

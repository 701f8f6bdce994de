import { errorFor, type FieldErrors, fieldId } from '../../views/form-errors';
import type { PageContext } from '../../views/page-context';
import { languageName } from '../reference-data';

/** A multi-line text field in the one form pattern (label, hint, error, described-by). */
export function TextArea(props: { name: string; label: string; hint?: string; value?: string; errors?: FieldErrors; optional?: string; rows?: number }) {
  const id = fieldId(props.name);
  const error = errorFor(props.errors, props.name);
  const describedBy = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="ecl-form-group etp-field">
      <label class="ecl-form-label" for={id}>
        {props.label}
        {props.optional ? <span class="ecl-form-label__optional"> {props.optional}</span> : null}
      </label>
      {props.hint ? <div class="ecl-help-block" id={`${id}-hint`}>{props.hint}</div> : null}
      {error ? <div class="ecl-feedback-message" id={`${id}-error`}>{error}</div> : null}
      <textarea
        class={`ecl-text-area ecl-text-area--m etp-textarea${error ? ' ecl-text-area--invalid' : ''}`}
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        dir="auto"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        required={!props.optional}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

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

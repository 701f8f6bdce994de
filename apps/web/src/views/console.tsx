import type { Locale } from '../i18n/locales';
import { errorFor, type FieldErrors, fieldId } from './form-errors';

/**
 * Building blocks of the national contact point's and the administrator's consoles: a multi-line
 * field for the reasons the API keeps, dates.
 */
export function TextArea(props: { name: string; label: string; hint?: string; value?: string; errors?: FieldErrors; rows?: number }) {
  const id = fieldId(props.name);
  const error = errorFor(props.errors, props.name);
  const describedBy = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="ecl-form-group etp-field">
      <label class="ecl-form-label" for={id}>{props.label}</label>
      {props.hint ? <div class="ecl-help-block" id={`${id}-hint`}>{props.hint}</div> : null}
      {error ? <div class="ecl-feedback-message" id={`${id}-error`}>{error}</div> : null}
      <textarea
        class={`ecl-text-area ecl-text-area--l${error ? ' ecl-text-area--invalid' : ''}`}
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        dir="auto"
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

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

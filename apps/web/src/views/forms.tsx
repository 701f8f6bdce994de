import type { ComponentChildren } from 'preact';
import type { PageContext } from './page-context';
import { errorFor, type FieldErrors, fieldId } from './form-errors';

/**
 * The one error pattern: a summary at the top of the page, linking to each field in error, which
 * takes the focus after a failed submit (autofocus, so it works without JavaScript too).
 */
export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors?: FieldErrors }) {
  if (!errors?.length) return null;
  return (
    <div class="ecl-notification ecl-notification--error etp-error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} id="error-summary" autofocus>
      <div class="ecl-notification__content">
        <h2 class="ecl-notification__title" id="error-summary-title">{ctx.t('errors.summary')}</h2>
        <ul class="ecl-notification__description">
          {errors.map((error) => (
            <li key={error.field}>
              {error.field === '_' ? error.message : <a class="ecl-link" href={`#${fieldId(error.field)}`}>{error.message}</a>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function Notice({ kind = 'success', children }: { kind?: 'success' | 'info' | 'warning'; children: ComponentChildren }) {
  return (
    <div class={`ecl-notification ecl-notification--${kind} etp-notice`} role="status">
      <div class="ecl-notification__content">
        <div class="ecl-notification__description">{children}</div>
      </div>
    </div>
  );
}

export function Form({ ctx, action, children, method = 'post' }: { ctx: PageContext; action: string; method?: 'get' | 'post'; children: ComponentChildren }) {
  return (
    <form class="ecl-form etp-form" method={method} action={action} noValidate>
      {method === 'post' ? <input type="hidden" name="_csrf" value={ctx.csrf} /> : null}
      {children}
    </form>
  );
}

interface FieldProps {
  name: string;
  label: ComponentChildren;
  hint?: string;
  errors?: FieldErrors;
  optional?: string;
}

function Label({ name, label, optional }: FieldProps) {
  return (
    <label class="ecl-form-label" for={fieldId(name)}>
      {label}
      {optional ? <span class="ecl-form-label__optional"> {optional}</span> : null}
    </label>
  );
}

function HintAndError({ name, hint, errors }: FieldProps) {
  const error = errorFor(errors, name);
  return (
    <>
      {hint ? <div class="ecl-help-block" id={`${fieldId(name)}-hint`}>{hint}</div> : null}
      {error ? <div class="ecl-feedback-message" id={`${fieldId(name)}-error`}>{error}</div> : null}
    </>
  );
}

function described(props: FieldProps): string | undefined {
  const ids = [props.hint ? `${fieldId(props.name)}-hint` : '', errorFor(props.errors, props.name) ? `${fieldId(props.name)}-error` : ''];
  return ids.filter(Boolean).join(' ') || undefined;
}

export function TextField(props: FieldProps & { value?: string; type?: string; autocomplete?: string; inputMode?: string; dir?: 'ltr' | 'auto' }) {
  const invalid = Boolean(errorFor(props.errors, props.name));
  return (
    <div class="ecl-form-group etp-field">
      <Label {...props} />
      <HintAndError {...props} />
      <input
        class={`ecl-text-input ecl-text-input--m${invalid ? ' ecl-text-input--invalid' : ''}`}
        id={fieldId(props.name)}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        dir={props.dir}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={described(props)}
        required={!props.optional}
      />
    </div>
  );
}

/** A multi-line field; its text keeps the direction it was written in (`dir="auto"`). */
export function TextAreaField(props: FieldProps & { value?: string; rows?: number }) {
  const invalid = Boolean(errorFor(props.errors, props.name));
  return (
    <div class="ecl-form-group etp-field">
      <Label {...props} />
      <HintAndError {...props} />
      <textarea
        class={`ecl-text-area ecl-text-area--m${invalid ? ' ecl-text-area--invalid' : ''}`}
        id={fieldId(props.name)}
        name={props.name}
        rows={props.rows ?? 5}
        dir="auto"
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={described(props)}
        required={!props.optional}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  lang?: string;
}

/** Options under a heading of the list (`<optgroup>`). */
export interface OptionGroup {
  label: string;
  options: Option[];
}

export function SelectField(props: FieldProps & { options: Option[]; groups?: OptionGroup[]; value?: string; placeholder?: string; multiple?: boolean; values?: string[] }) {
  const invalid = Boolean(errorFor(props.errors, props.name));
  const selected = new Set(props.values ?? (props.value ? [props.value] : []));
  return (
    <div class="ecl-form-group etp-field">
      <Label {...props} />
      <HintAndError {...props} />
      <div class={`ecl-select__container ecl-select__container--m${invalid ? ' ecl-select__container--invalid' : ''}`}>
        <select
          class="ecl-select"
          id={fieldId(props.name)}
          name={props.name}
          multiple={props.multiple}
          size={props.multiple ? 8 : undefined}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={described(props)}
          required={!props.optional}
        >
          {props.placeholder !== undefined && !props.multiple ? <option value="">{props.placeholder}</option> : null}
          {props.options.map((option) => <OptionItem key={option.value} option={option} selected={selected} />)}
          {props.groups?.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => <OptionItem key={option.value} option={option} selected={selected} />)}
            </optgroup>
          ))}
        </select>
      </div>
    </div>
  );
}

function OptionItem({ option, selected }: { option: Option; selected: Set<string> }) {
  return (
    <option value={option.value} selected={selected.has(option.value)} lang={option.lang}>
      {option.label}
    </option>
  );
}

export function RadioGroup(props: FieldProps & { options: Option[]; value?: string }) {
  const error = errorFor(props.errors, props.name);
  return (
    <fieldset class="ecl-form-group etp-field" aria-describedby={described(props)}>
      <legend class="ecl-form-label">{props.label}</legend>
      <HintAndError {...props} />
      {props.options.map((option, index) => (
        <div class="ecl-radio" key={option.value}>
          <input
            class="ecl-radio__input"
            type="radio"
            name={props.name}
            value={option.value}
            id={index === 0 ? fieldId(props.name) : `${fieldId(props.name)}-${option.value}`}
            checked={props.value === option.value}
            aria-invalid={error ? 'true' : undefined}
          />
          <label class="ecl-radio__label" for={index === 0 ? fieldId(props.name) : `${fieldId(props.name)}-${option.value}`}>
            <span class={`ecl-radio__box${error ? ' ecl-radio__box--invalid' : ''}`}><span class="ecl-radio__box-inner"></span></span>
            <span class="ecl-radio__text" lang={option.lang}>{option.label}</span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function Checkbox({ name, label, value = 'yes', checked, errors }: { name: string; label: string; value?: string; checked?: boolean; errors?: FieldErrors }) {
  const error = errorFor(errors, name);
  // Several boxes may share a name (a list of choices): each gets its own id.
  const id = value === 'yes' ? fieldId(name) : fieldId(`${name}-${value}`);
  return (
    <div class="ecl-form-group etp-field">
      {error ? <div class="ecl-feedback-message" id={`${fieldId(name)}-error`}>{error}</div> : null}
      <div class={`ecl-checkbox${error ? ' ecl-checkbox--invalid' : ''}`}>
        <input class="ecl-checkbox__input" type="checkbox" id={id} name={name} value={value} checked={checked} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${fieldId(name)}-error` : undefined} />
        <label class="ecl-checkbox__label" for={id}>
          <span class="ecl-checkbox__box"></span>
          <span class="ecl-checkbox__text">{label}</span>
        </label>
      </div>
    </div>
  );
}

export function Submit({ label, secondary, name, value }: { label: string; secondary?: boolean; name?: string; value?: string }) {
  return (
    <button type="submit" class={`ecl-button ${secondary ? 'ecl-button--secondary' : 'ecl-button--primary'}`} name={name} value={value}>
      {label}
    </button>
  );
}

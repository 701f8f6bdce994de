import type { Schemas } from '../../api/web-api';
import type { FieldErrors } from '../../views/form-errors';
import type { PageContext } from '../../views/page-context';
import { field } from '../form-body';

type Profile = Schemas['CandidateProfileResponse'];
type WorkExperience = Schemas['WorkExperienceEntryRequest'];
type Education = Schemas['EducationEntryRequest'];

/**
 * The lists of the profile the wizard edits one entry at a time (work experience, education): the
 * form's fields, how they are checked, and how an entry becomes the whole list the API replaces.
 */
export interface EntryKind<Draft extends Record<string, string>, Entry> {
  /** The profile's section, which is also the prefix of the API's error fields. */
  section: 'workExperience' | 'education';
  /** Form field → its label, in the order of the form. */
  labels: Record<keyof Draft & string, string>;
  /** Fields answered by choosing (a select), for the "Choose …" message. */
  chosen: ReadonlyArray<keyof Draft & string>;
  optional: ReadonlyArray<keyof Draft & string>;
  /** API field (last segment of an error's path) → form field. */
  apiFields: Record<string, keyof Draft & string>;
  entries(profile: Profile): Entry[];
  draftOf(entry: Entry): Draft;
  check(ctx: PageContext, draft: Draft, today: string): FieldErrors;
  toEntry(draft: Draft): Entry;
}

export type ExperienceDraft = Record<'occupationUri' | 'employerName' | 'countryCode' | 'startDate' | 'endDate', string>;
export type EducationDraft = Record<'eqfLevel' | 'field' | 'educationCountry' | 'completionYear', string>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
function isDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const EXPERIENCE: EntryKind<ExperienceDraft, WorkExperience> = {
  section: 'workExperience',
  labels: {
    occupationUri: 'wizard.experienceOccupation',
    employerName: 'wizard.employer',
    countryCode: 'wizard.experienceCountry',
    startDate: 'wizard.from',
    endDate: 'wizard.to',
  },
  chosen: ['occupationUri', 'countryCode'],
  optional: ['endDate'],
  apiFields: { occupationUri: 'occupationUri', employerName: 'employerName', countryCode: 'countryCode', startDate: 'startDate', endDate: 'endDate' },
  entries: (profile) =>
    profile.workExperience.map(({ occupationUri, employerName, countryCode, startDate, endDate }) => ({ occupationUri, employerName, countryCode, startDate, endDate: endDate ?? null })),
  draftOf: (entry) => ({ occupationUri: entry.occupationUri, employerName: entry.employerName, countryCode: entry.countryCode, startDate: entry.startDate, endDate: entry.endDate ?? '' }),
  check(ctx, draft, today) {
    const { t } = ctx;
    const errors: Array<{ field: string; message: string }> = [];
    for (const name of ['startDate', 'endDate'] as const) {
      const label = t(EXPERIENCE.labels[name]);
      if (!draft[name]) continue;
      if (!isDate(draft[name])) errors.push({ field: name, message: `${t('errors.invalid', { field: label })}. ${t('candidate.dateHint')}` });
      else if (draft[name] > today) errors.push({ field: name, message: t('wizard.notFuture', { field: label }) });
    }
    if (!errors.length && draft.endDate && draft.startDate && draft.endDate < draft.startDate) errors.push({ field: 'endDate', message: t('wizard.endBeforeStart') });
    return errors;
  },
  toEntry: (draft) => ({
    occupationUri: draft.occupationUri,
    employerName: draft.employerName,
    countryCode: draft.countryCode,
    startDate: draft.startDate,
    endDate: draft.endDate || null,
  }),
};

export const EDUCATION: EntryKind<EducationDraft, Education> = {
  section: 'education',
  labels: { eqfLevel: 'wizard.eqf', field: 'wizard.field', educationCountry: 'wizard.educationCountry', completionYear: 'wizard.completionYear' },
  chosen: ['eqfLevel', 'educationCountry'],
  optional: [],
  apiFields: { eqfLevel: 'eqfLevel', field: 'field', countryCode: 'educationCountry', completionYear: 'completionYear' },
  entries: (profile) => profile.education.map(({ eqfLevel, field: studied, countryCode, completionYear }) => ({ eqfLevel, field: studied, countryCode, completionYear })),
  draftOf: (entry) => ({ eqfLevel: String(entry.eqfLevel), field: entry.field, educationCountry: entry.countryCode, completionYear: String(entry.completionYear) }),
  check(ctx, draft, today) {
    const year = Number(today.slice(0, 4));
    const completion = Number(draft.completionYear);
    if (!draft.completionYear || (/^\d{4}$/.test(draft.completionYear) && completion >= 1940 && completion <= year + 10)) return [];
    return [{ field: 'completionYear', message: `${ctx.t('errors.invalid', { field: ctx.t('wizard.completionYear') })} (1940–${year + 10})` }];
  },
  toEntry: (draft) => ({ eqfLevel: Number(draft.eqfLevel), field: draft.field, countryCode: draft.educationCountry, completionYear: Number(draft.completionYear) }),
};

/** What an entry form asks: the entry it changes ('new' adds one), its answers and their problems. */
export interface EntryRequest<Draft> {
  /** The position of the entry changed, or null for a new one. */
  index: number | null;
  draft: Draft;
  blank: boolean;
  errors: FieldErrors;
}

export function readEntry<Draft extends Record<string, string>, Entry>(
  kind: EntryKind<Draft, Entry>,
  ctx: PageContext,
  body: unknown,
  count: number,
  today = new Date().toISOString().slice(0, 10),
): EntryRequest<Draft> {
  const names = Object.keys(kind.labels) as Array<keyof Draft & string>;
  const draft = Object.fromEntries(names.map((name) => [name, field(body, name)])) as Draft;
  const position = field(body, 'entry');
  const index = /^\d+$/.test(position) && Number(position) < count ? Number(position) : null;
  const blank = names.every((name) => !draft[name]);
  const { t } = ctx;
  const missing = names
    .filter((name) => !draft[name] && !kind.optional.includes(name))
    .map((name) => ({ field: name, message: t(kind.chosen.includes(name) ? 'errors.choose' : 'errors.required', { field: t(kind.labels[name]) }) }));
  const invalid = kind.check(ctx, draft, today).filter((error) => !missing.some((m) => m.field === error.field));
  const order = (error: { field: string }) => names.indexOf(error.field);
  return { index, draft, blank, errors: [...missing, ...invalid].sort((a, b) => order(a) - order(b)) };
}

/** The whole list with the entry added or replaced. */
export function withEntry<Draft extends Record<string, string>, Entry>(kind: EntryKind<Draft, Entry>, profile: Profile, request: EntryRequest<Draft>): Entry[] {
  const entries = kind.entries(profile);
  const entry = kind.toEntry(request.draft);
  return request.index === null ? [...entries, entry] : entries.map((current, i) => (i === request.index ? entry : current));
}

/** The whole list without the entry at this position (as the remove button sent it). */
export function withoutEntry<Draft extends Record<string, string>, Entry>(kind: EntryKind<Draft, Entry>, profile: Profile, position: string): Entry[] | null {
  const entries = kind.entries(profile);
  if (!/^\d+$/.test(position) || Number(position) >= entries.length) return null;
  return entries.filter((_, i) => i !== Number(position));
}

/** The API's refusal of an entry, told on the form's own fields where it names one. */
export function entryApiErrors(
  kind: { section: string; labels: Readonly<Record<string, string>>; apiFields: Readonly<Record<string, string>> },
  ctx: PageContext,
  error: Schemas['ErrorPayload'] | undefined,
): FieldErrors {
  const { t } = ctx;
  const known = (error?.details ?? [])
    .filter((detail) => detail.field?.startsWith(`${kind.section}.`))
    .map((detail) => kind.apiFields[(detail.field ?? '').split('.').pop() ?? ''])
    .filter((name): name is string => Boolean(name))
    .map((name) => ({ field: name, message: t('errors.invalid', { field: t(kind.labels[name]) }) }));
  return known.length ? [...new Map(known.map((e) => [e.field, e])).values()] : [{ field: '_', message: error?.message ?? t('errors.generic') }];
}

import type { ComponentChildren } from 'preact';
import type { Schemas } from '../../api/web-api';
import { Checkbox, Form, type Option, SelectField, Submit, TextField } from '../../views/forms';
import { type FieldErrors, fieldId } from '../../views/form-errors';
import { href, type PageContext } from '../../views/page-context';
import { countryName, languageName } from '../reference-data';
import type { Concept } from './esco';
import type { EducationDraft, ExperienceDraft } from './profile-entries';
import { StepActions } from './profile-views';

type Profile = Schemas['CandidateProfileResponse'];
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const SKILL_LEVELS = ['basic', 'intermediate', 'advanced', 'expert'] as const;
const LEVEL_KEYS = { basic: 'wizard.levelBasic', intermediate: 'wizard.levelIntermediate', advanced: 'wizard.levelAdvanced', expert: 'wizard.levelExpert' } as const;

/** What the candidate typed in a form that failed its checks, shown again instead of the profile's values. */
export type Draft = Readonly<Record<string, string>>;

export function ContinueForm({ ctx, step }: { ctx: PageContext; step: number }) {
  return (
    <Form ctx={ctx} action={href(ctx, `/candidate/profile/${step}`)}>
      <StepActions ctx={ctx} step={step} />
    </Form>
  );
}

export function LanguagesStep({ ctx, profile, languages, errors, draft }: { ctx: PageContext; profile: Profile; languages: Option[]; errors?: FieldErrors; draft?: Draft }) {
  const { t } = ctx;
  return (
    <>
      <section aria-labelledby="picked-title">
        <h2 id="picked-title" class="ecl-u-type-heading-3">{t('wizard.current')}</h2>
        {profile.languages.length ? (
          <ul class="etp-picked">
            {profile.languages.map((language) => (
              <li key={language.code}>
                <span>{languageName(ctx.locale, language.code)} – <bdi>{language.cefr}</bdi></span>
                <Form ctx={ctx} action={href(ctx, '/candidate/profile/3')}>
                  <input type="hidden" name="remove" value={language.code} />
                  <button type="submit" class="ecl-button ecl-button--tertiary">{t('form.remove')}<span class="ecl-u-sr-only"> {languageName(ctx.locale, language.code)}</span></button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('wizard.none')}</p>
        )}
      </section>
      <section class="etp-panel" aria-labelledby="add-language">
        <h2 id="add-language" class="ecl-u-type-heading-3">{t('form.add')}</h2>
        <Form ctx={ctx} action={href(ctx, '/candidate/profile/3')}>
          <input type="hidden" name="addLanguage" value="1" />
          <SelectField name="language" label={t('wizard.language')} options={languages} value={draft?.language} placeholder={t('form.choose')} errors={errors} />
          <SelectField name="cefr" label={t('wizard.level')} hint={t('wizard.levelHint')} options={CEFR_LEVELS.map((level) => ({ value: level, label: level }))} value={draft?.cefr} placeholder={t('form.choose')} errors={errors} />
          {profile.languages.length ? <p class="ecl-help-block">{t('wizard.languageChangeHint')}</p> : null}
          <Submit label={t('form.add')} secondary />
        </Form>
      </section>
      <ContinueForm ctx={ctx} step={3} />
    </>
  );
}

export function PreferencesStep({ ctx, profile, memberStates, errors }: { ctx: PageContext; profile: Profile; memberStates: Option[]; errors?: FieldErrors }) {
  const { t } = ctx;
  const chosen = new Set(profile.preferredMemberStates);
  const qualification = profile.qualifications[0];
  return (
    <Form ctx={ctx} action={href(ctx, '/candidate/profile/6')}>
      <fieldset class="ecl-form-group etp-field">
        <legend class="ecl-form-label">{t('wizard.memberStates')}</legend>
        {memberStates.map((state) => (
          <Checkbox key={state.value} name="memberStates" value={state.value} label={state.label} checked={chosen.has(state.value)} />
        ))}
      </fieldset>
      <TextField name="startDate" type="date" dir="ltr" label={t('wizard.startDate')} hint={t('candidate.dateHint')} optional={t('form.optional')} value={profile.earliestStartDate ?? ''} errors={errors} />
      <h2 class="ecl-u-type-heading-3">{t('wizard.qualifications')}</h2>
      <TextField name="qualificationTitle" label={t('wizard.qualificationTitle')} optional={t('form.optional')} value={qualification?.title} errors={errors} />
      <TextField name="issuer" label={t('wizard.issuer')} optional={t('form.optional')} value={qualification?.issuer ?? ''} errors={errors} />
      <StepActions ctx={ctx} step={6} />
    </Form>
  );
}

/** Step 1's own form: the years of experience in each occupation on the profile. */
export function OccupationYears({ ctx, concepts, years, errors, draft }: { ctx: PageContext; concepts: Concept[]; years: number[]; errors?: FieldErrors; draft?: Draft }) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action={href(ctx, '/candidate/profile/1')}>
      {concepts.length ? (
        <fieldset class="etp-panel">
          <legend class="ecl-u-type-heading-3">{t('wizard.yearsTitle')}</legend>
          <p class="ecl-help-block">{t('wizard.yearsHint')}</p>
          {concepts.map((concept, index) => (
            <div key={concept.uri}>
              <input type="hidden" name={`occupation-${index}`} value={concept.uri} />
              <TextField
                name={`years-${index}`}
                inputMode="decimal"
                dir="ltr"
                label={<>{t('wizard.years')}: <span lang={concept.lang}>{concept.label}</span></>}
                value={draft?.[`years-${index}`] ?? String(years[index] ?? 0)}
                errors={errors}
              />
            </div>
          ))}
        </fieldset>
      ) : null}
      <StepActions ctx={ctx} step={1} />
    </Form>
  );
}

/** Step 2's own form: the candidate's own assessment of each skill on the profile. */
export function SkillLevels({ ctx, concepts, levels, draft }: { ctx: PageContext; concepts: Concept[]; levels: Array<string | null | undefined>; draft?: Draft }) {
  const { t } = ctx;
  const options = SKILL_LEVELS.map((level) => ({ value: level, label: t(LEVEL_KEYS[level]) }));
  return (
    <Form ctx={ctx} action={href(ctx, '/candidate/profile/2')}>
      {concepts.length ? (
        <fieldset class="etp-panel">
          <legend class="ecl-u-type-heading-3">{t('wizard.skillLevelsTitle')}</legend>
          <p class="ecl-help-block">{t('wizard.skillLevelsHint')}</p>
          {concepts.map((concept, index) => (
            <div key={concept.uri}>
              <input type="hidden" name={`skill-${index}`} value={concept.uri} />
              <SelectField
                name={`level-${index}`}
                label={<>{t('wizard.level')}: <span lang={concept.lang}>{concept.label}</span></>}
                optional={t('form.optional')}
                options={options}
                value={draft?.[`level-${index}`] ?? levels[index] ?? ''}
                placeholder={t('wizard.levelNone')}
              />
            </div>
          ))}
        </fieldset>
      ) : null}
      <StepActions ctx={ctx} step={2} />
    </Form>
  );
}

export function skillLevelName(ctx: PageContext, level: string | null | undefined): string | null {
  return level && level in LEVEL_KEYS ? ctx.t(LEVEL_KEYS[level as keyof typeof LEVEL_KEYS]) : null;
}

interface ListedEntry {
  /** What the entry is called (an occupation and employer, a field of study), also read after the buttons' names. */
  title: ComponentChildren;
  details: ComponentChildren;
}

/**
 * A list the candidate builds one entry at a time: each entry with a link that opens it in the form and
 * a button that removes it; then the form, which adds an entry (or changes the one opened), with the
 * step's own buttons, so that "Continue" keeps what was typed.
 */
function EntryList(props: {
  ctx: PageContext;
  step: number;
  entries: ListedEntry[];
  editing: number | null;
  titles: { add: string; edit: string };
  children: ComponentChildren;
}) {
  const { ctx, step, entries, editing, titles } = props;
  const { t } = ctx;
  const action = href(ctx, `/candidate/profile/${step}`);
  return (
    <>
      <section aria-labelledby="picked-title">
        <h2 id="picked-title" class="ecl-u-type-heading-3">{t('wizard.current')}</h2>
        {entries.length ? (
          <ul class="etp-entries">
            {entries.map((entry, index) => (
              <li key={index} class={index === editing ? 'etp-entry etp-entry--editing' : 'etp-entry'}>
                <h3 class="ecl-u-type-heading-5 etp-entry__title">{entry.title}</h3>
                <p class="etp-entry__details">{entry.details}</p>
                <div class="etp-entry__actions">
                  <a class="ecl-link" href={`${action}?edit=${index}#entry-form-title`}>
                    {t('wizard.edit')}<span class="ecl-u-sr-only">: {entry.title}</span>
                  </a>
                  <Form ctx={ctx} action={action}>
                    <input type="hidden" name="removeEntry" value={String(index)} />
                    <button type="submit" class="ecl-button ecl-button--tertiary">
                      {t('form.remove')}<span class="ecl-u-sr-only">: {entry.title}</span>
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('wizard.none')}</p>
        )}
      </section>
      <Form ctx={ctx} action={action}>
        <section class="etp-panel" aria-labelledby="entry-form-title">
          <h2 id="entry-form-title" class="ecl-u-type-heading-3">{editing === null ? titles.add : titles.edit}</h2>
          <input type="hidden" name="entry" value={editing === null ? 'new' : String(editing)} />
          {props.children}
          <div class="etp-actions">
            <Submit label={editing === null ? t('form.add') : t('wizard.saveEntry')} secondary />
            {editing === null ? null : <a class="ecl-link" href={action}>{t('wizard.cancel')}</a>}
          </div>
        </section>
        <StepActions ctx={ctx} step={step} />
      </Form>
    </>
  );
}

/** The comma between the facts of an entry, Arabic's own on Arabic pages. */
function comma(ctx: PageContext): string {
  return ctx.locale === 'ar' ? '، ' : ', ';
}

function period(ctx: PageContext, from: string, to: string | null | undefined): string {
  const format = new Intl.DateTimeFormat(ctx.locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const date = (value: string) => format.format(new Date(`${value}T00:00:00Z`));
  return `${date(from)} – ${to ? date(to) : ctx.t('wizard.ongoing')}`;
}

export function ExperienceStep(props: { ctx: PageContext; profile: Profile; countries: Option[]; editing: number | null; errors?: FieldErrors; draft?: Partial<ExperienceDraft> }) {
  const { ctx, profile, countries, editing, errors } = props;
  const { t } = ctx;
  const current = editing === null ? undefined : profile.workExperience[editing];
  const draft: Partial<ExperienceDraft> = props.draft ?? (current ? { ...current, endDate: current.endDate ?? '' } : {});
  const occupations: Option[] = profile.occupations.map((o) => ({ value: o.uri, label: o.label, lang: o.labelLanguage }));
  for (const entry of profile.workExperience) {
    if (!occupations.some((o) => o.value === entry.occupationUri)) occupations.push({ value: entry.occupationUri, label: entry.occupationLabel, lang: entry.occupationLabelLanguage });
  }
  const entries = profile.workExperience.map((entry) => ({
    title: <><span lang={entry.occupationLabelLanguage}>{entry.occupationLabel}</span> – {entry.employerName}</>,
    details: <>{countryName(ctx.locale, entry.countryCode)}{comma(ctx)}{period(ctx, entry.startDate, entry.endDate)}</>,
  }));
  return (
    <>
      <p class="etp-lead">{t('wizard.experienceLead')}</p>
      <EntryList ctx={ctx} step={4} entries={entries} editing={editing} titles={{ add: t('wizard.addExperience'), edit: t('wizard.editExperience') }}>
        {occupations.length ? (
          <SelectField name="occupationUri" label={t('wizard.experienceOccupation')} hint={t('wizard.experienceOccupationHint')} options={occupations} value={draft.occupationUri} placeholder={t('form.choose')} errors={errors} />
        ) : (
          // The error summary's link to the occupation lands here when there is none to choose.
          <p class="ecl-help-block" id={fieldId('occupationUri')} tabIndex={-1}>
            <a class="ecl-link" href={href(ctx, '/candidate/profile/1')}>{t('wizard.needOccupation')}</a>
          </p>
        )}
        <TextField name="employerName" autocomplete="organization" label={t('wizard.employer')} value={draft.employerName} errors={errors} />
        <SelectField name="countryCode" label={t('wizard.experienceCountry')} options={countries} value={draft.countryCode} placeholder={t('form.choose')} errors={errors} />
        <TextField name="startDate" type="date" dir="ltr" label={t('wizard.from')} hint={t('candidate.dateHint')} value={draft.startDate} errors={errors} />
        <TextField name="endDate" type="date" dir="ltr" label={t('wizard.to')} hint={t('wizard.toHint')} optional={t('form.optional')} value={draft.endDate} errors={errors} />
      </EntryList>
    </>
  );
}

export function EducationStep(props: { ctx: PageContext; profile: Profile; countries: Option[]; editing: number | null; errors?: FieldErrors; draft?: Partial<EducationDraft> }) {
  const { ctx, profile, countries, editing, errors } = props;
  const { t } = ctx;
  const current = editing === null ? undefined : profile.education[editing];
  const draft: Partial<EducationDraft> =
    props.draft ?? (current ? { eqfLevel: String(current.eqfLevel), field: current.field, educationCountry: current.countryCode, completionYear: String(current.completionYear) } : {});
  const entries = profile.education.map((entry) => ({
    title: entry.field,
    details: <><bdi>EQF {entry.eqfLevel}</bdi>{comma(ctx)}{countryName(ctx.locale, entry.countryCode)}{comma(ctx)}<bdi>{entry.completionYear}</bdi></>,
  }));
  return (
    <>
      <p class="etp-lead">{t('wizard.educationLead')}</p>
      <EntryList ctx={ctx} step={5} entries={entries} editing={editing} titles={{ add: t('wizard.addEducation'), edit: t('wizard.editEducation') }}>
        <SelectField name="eqfLevel" label={t('wizard.eqf')} options={[1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({ value: String(level), label: `EQF ${level}` }))} value={draft.eqfLevel} placeholder={t('form.choose')} errors={errors} />
        <TextField name="field" label={t('wizard.field')} value={draft.field} errors={errors} />
        <SelectField name="educationCountry" label={t('wizard.educationCountry')} options={countries} value={draft.educationCountry} placeholder={t('form.choose')} errors={errors} />
        <TextField name="completionYear" inputMode="numeric" dir="ltr" label={t('wizard.completionYear')} value={draft.completionYear} errors={errors} />
      </EntryList>
    </>
  );
}

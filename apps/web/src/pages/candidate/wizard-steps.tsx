import type { Schemas } from '../../api/web-api';
import { Checkbox, Form, type Option, SelectField, Submit, TextField } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import { href, type PageContext } from '../../views/page-context';
import { languageName } from '../reference-data';
import { StepActions } from './profile-views';

type Profile = Schemas['CandidateProfileResponse'];
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

export function ContinueForm({ ctx, step }: { ctx: PageContext; step: number }) {
  return (
    <Form ctx={ctx} action={href(ctx, `/candidate/profile/${step}`)}>
      <StepActions ctx={ctx} step={step} />
    </Form>
  );
}

export function LanguagesStep({ ctx, profile, languages, errors }: { ctx: PageContext; profile: Profile; languages: Option[]; errors?: FieldErrors }) {
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
          <SelectField name="language" label={t('wizard.language')} options={languages} placeholder={t('form.choose')} errors={errors} />
          <SelectField name="cefr" label={t('wizard.level')} hint={t('wizard.levelHint')} options={CEFR_LEVELS.map((level) => ({ value: level, label: level }))} placeholder={t('form.choose')} errors={errors} />
          <Submit label={t('form.add')} secondary />
        </Form>
      </section>
      <ContinueForm ctx={ctx} step={3} />
    </>
  );
}

export function EducationStep({ ctx, profile, countries, errors }: { ctx: PageContext; profile: Profile; countries: Option[]; errors?: FieldErrors }) {
  const { t } = ctx;
  const education = profile.education[0];
  return (
    <Form ctx={ctx} action={href(ctx, '/candidate/profile/4')}>
      <p>{t('wizard.educationLead')}</p>
      <SelectField name="eqfLevel" label={t('wizard.eqf')} optional={t('form.optional')} options={[1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({ value: String(level), label: `EQF ${level}` }))} value={education ? String(education.eqfLevel) : ''} placeholder={t('form.choose')} errors={errors} />
      <TextField name="field" label={t('wizard.field')} optional={t('form.optional')} value={education?.field} errors={errors} />
      <SelectField name="educationCountry" label={t('wizard.educationCountry')} optional={t('form.optional')} options={countries} value={education?.countryCode} placeholder={t('form.choose')} errors={errors} />
      <TextField name="completionYear" inputMode="numeric" dir="ltr" label={t('wizard.completionYear')} optional={t('form.optional')} value={education ? String(education.completionYear) : ''} errors={errors} />
      <TextField name="years" inputMode="numeric" dir="ltr" label={t('wizard.years')} optional={t('form.optional')} value={profile.occupations[0] ? String(profile.occupations[0].yearsOfExperience) : ''} errors={errors} />
      <StepActions ctx={ctx} step={4} />
    </Form>
  );
}

export function PreferencesStep({ ctx, profile, memberStates, errors }: { ctx: PageContext; profile: Profile; memberStates: Option[]; errors?: FieldErrors }) {
  const { t } = ctx;
  const chosen = new Set(profile.preferredMemberStates);
  const qualification = profile.qualifications[0];
  return (
    <Form ctx={ctx} action={href(ctx, '/candidate/profile/5')}>
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
      <StepActions ctx={ctx} step={5} />
    </Form>
  );
}

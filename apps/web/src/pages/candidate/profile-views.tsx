import type { Schemas } from '../../api/web-api';
import { ErrorSummary, Form, Notice, type Option, SelectField, Submit, TextField } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';
import type { Concept } from './esco';

type Profile = Schemas['CandidateProfileResponse'];

export interface AboutAnswers {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  residenceCountry: string;
  citizenship: string;
  secondCitizenship: string;
  phone: string;
}

export function AboutYouPage({ ctx, countries, answers, errors }: { ctx: PageContext; countries: Option[]; answers?: AboutAnswers; errors?: FieldErrors }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('candidate.aboutTitle')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PageTitle>{t('candidate.aboutTitle')}</PageTitle>
      <p class="etp-lead">{t('candidate.aboutLead')}</p>
      <Form ctx={ctx} action={href(ctx, '/candidate')}>
        <TextField name="givenName" autocomplete="given-name" label={t('candidate.givenName')} value={answers?.givenName} errors={errors} />
        <TextField name="familyName" autocomplete="family-name" label={t('candidate.familyName')} value={answers?.familyName} errors={errors} />
        <TextField name="dateOfBirth" type="date" autocomplete="bday" dir="ltr" label={t('candidate.dateOfBirth')} hint={t('candidate.dateHint')} value={answers?.dateOfBirth} errors={errors} />
        <SelectField name="residenceCountry" label={t('candidate.residence')} options={countries} value={answers?.residenceCountry} placeholder={t('form.choose')} errors={errors} />
        <SelectField name="citizenship" label={t('candidate.citizenship')} options={countries} value={answers?.citizenship} placeholder={t('form.choose')} errors={errors} />
        <SelectField name="secondCitizenship" label={t('candidate.secondCitizenship')} optional={t('form.optional')} options={countries} value={answers?.secondCitizenship} placeholder={t('form.choose')} errors={errors} />
        <TextField name="phone" type="tel" autocomplete="tel" dir="ltr" inputMode="tel" label={t('candidate.phone')} hint={t('candidate.phoneHint')} optional={t('form.optional')} value={answers?.phone} errors={errors} />
        <Submit label={t('candidate.create')} />
      </Form>
    </Layout>
  );
}

const TIPS: Record<Schemas['MissingItemResponse']['item'], string> = {
  occupations: 'candidate.tipOccupation',
  skills: 'candidate.tipSkills',
  languages: 'candidate.tipLanguages',
  education: 'candidate.tipEducation',
  workExperience: 'candidate.tipExperience',
  preferredMemberStates: 'candidate.tipStates',
  earliestStartDate: 'candidate.tipStates',
};

export const STEP_OF_ITEM: Record<Schemas['MissingItemResponse']['item'], number> = {
  occupations: 1,
  skills: 2,
  languages: 3,
  workExperience: 4,
  education: 5,
  preferredMemberStates: 6,
  earliestStartDate: 6,
};

export function CompletenessMeter({ ctx, profile }: { ctx: PageContext; profile: Profile }) {
  const { t } = ctx;
  const percent = Math.round(profile.completeness.percent);
  return (
    <div class="etp-panel">
      <label for="completeness"><strong>{t('candidate.completeness')}</strong></label>
      <div>
        <progress id="completeness" class="etp-meter" max={100} value={percent}>{percent} %</progress>
      </div>
      <p>{t('candidate.completenessValue', { value: percent })}</p>
      {profile.completeness.missing.length ? (
        <>
          <h2 class="ecl-u-type-heading-4">{t('candidate.tips')}</h2>
          <ul class="etp-list">
            {[...new Set(profile.completeness.missing.map((missing) => missing.item))].map((item) => (
              <li key={item}>
                <a class="ecl-link" href={href(ctx, `/candidate/profile/${STEP_OF_ITEM[item]}`)}>{t(TIPS[item])}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function DashboardPage({ ctx, profile, notice, errors }: { ctx: PageContext; profile: Profile; notice?: string; errors?: FieldErrors }) {
  const { t } = ctx;
  const status =
    profile.availability === 'paused'
      ? t('candidate.paused')
      : profile.status === 'draft'
        ? t('candidate.statusDraft')
        : profile.status === 'active'
          ? t('candidate.statusActive', { date: profile.expiresAt ? new Date(profile.expiresAt).toLocaleDateString(ctx.locale) : '' })
          : t('candidate.statusExpired');
  return (
    <Layout ctx={ctx} title={t('candidate.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice ? <Notice>{notice}</Notice> : null}
      <PageTitle>{t('candidate.title')}</PageTitle>
      <dl class="etp-facts">
        <dt>{t('candidate.status')}</dt>
        <dd id="profile-status">{status}</dd>
        <dt>{t('candidate.reference')}</dt>
        <dd><bdi>{profile.referenceCode}</bdi></dd>
      </dl>
      <CompletenessMeter ctx={ctx} profile={profile} />
      <div class="etp-actions">
        <a class="ecl-button ecl-button--secondary" href={href(ctx, '/candidate/profile/1')}>{t('candidate.edit')}</a>
      </div>
      {profile.status === 'draft' ? (
        <Form ctx={ctx} action={href(ctx, '/candidate/activate')}>
          <p>{t('candidate.activateHint')}</p>
          <Submit label={t('candidate.activate')} />
        </Form>
      ) : null}
    </Layout>
  );
}

export const STEPS = ['wizard.occupations', 'wizard.skills', 'wizard.languages', 'wizard.experience', 'wizard.education', 'wizard.preferences'] as const;

export function WizardFrame({ ctx, step, errors, notice, children }: { ctx: PageContext; step: number; errors?: FieldErrors; notice?: string; children: preact.ComponentChildren }) {
  const { t } = ctx;
  const title = t(STEPS[step - 1]);
  return (
    <Layout ctx={ctx} title={`${title} – ${t('wizard.step', { n: step, total: STEPS.length })}`} scripts={step <= 2 ? ['/assets/js/autocomplete.js'] : []}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice ? <Notice>{notice}</Notice> : null}
      <p class="etp-meta">{t('wizard.step', { n: step, total: STEPS.length })}</p>
      <PageTitle>{title}</PageTitle>
      <nav aria-label={t('candidate.title')}>
        <ol class="etp-steps">
          {STEPS.map((key, index) => (
            <li key={key}>
              <a class="ecl-link" href={href(ctx, `/candidate/profile/${index + 1}`)} aria-current={index + 1 === step ? 'step' : undefined}>{t(key)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {children}
    </Layout>
  );
}

/** The concepts on the profile, each with a button that removes it. */
export function PickedConcepts({ ctx, step, concepts }: { ctx: PageContext; step: number; concepts: Concept[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="picked-title">
      <h2 id="picked-title" class="ecl-u-type-heading-3">{t('wizard.current')}</h2>
      {concepts.length ? (
        <ul class="etp-picked">
          {concepts.map((concept) => (
            <li key={concept.uri}>
              <span lang={concept.lang}>{concept.label}</span>
              <Form ctx={ctx} action={href(ctx, `/candidate/profile/${step}`)}>
                <input type="hidden" name="remove" value={concept.uri} />
                <button type="submit" class="ecl-button ecl-button--tertiary">{t('form.remove')}<span class="ecl-u-sr-only"> <span lang={concept.lang}>{concept.label}</span></span></button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('wizard.none')}</p>
      )}
    </section>
  );
}

/** Search-and-pick: a GET search form, then one small form per result. Works without JavaScript. */
export function ConceptSearch(props: { ctx: PageContext; step: number; kind: 'occupations' | 'skills'; query: string; results: Concept[]; lang: string }) {
  const { ctx, step, kind, query, results } = props;
  const { t } = ctx;
  const label = kind === 'occupations' ? t('wizard.occupationSearch') : t('wizard.skillSearch');
  // The autocomplete island announces how many suggestions it shows, in each plural form of the page's language.
  const counts = new Intl.PluralRules(ctx.locale).resolvedOptions().pluralCategories.map((category) => [category, t(`wizard.suggestions_${category}`)]);
  return (
    <section aria-labelledby="search-title" class="etp-panel">
      <h2 id="search-title" class="ecl-u-type-heading-3">{label}</h2>
      <form method="get" action={href(ctx, `/candidate/profile/${step}`)} class="etp-row" role="search" data-autocomplete={kind} data-lang={props.lang} data-counts={JSON.stringify(Object.fromEntries(counts))} data-list-label={t('wizard.suggestionsLabel')}>
        <TextField name="q" type="search" label={label} hint={kind === 'occupations' ? t('wizard.occupationSearchHint') : t('wizard.skillSearchHint')} value={query} />
        <div class="etp-field"><Submit label={t('form.search')} secondary /></div>
      </form>
      {query ? (
        <div aria-live="polite">
          <h3 class="ecl-u-type-heading-4">{t('wizard.results')}</h3>
          {results.length ? (
            <ul class="etp-results">
              {results.map((concept) => (
                <li key={concept.uri}>
                  <Form ctx={ctx} action={href(ctx, `/candidate/profile/${step}`)}>
                    <input type="hidden" name="add" value={concept.uri} />
                    <button type="submit" class="ecl-button ecl-button--secondary">
                      {t('form.add')} <span lang={concept.lang}>{concept.label}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('wizard.noResults')}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}

export function StepActions({ ctx, step }: { ctx: PageContext; step: number }) {
  const { t } = ctx;
  return (
    <div class="etp-actions">
      <button type="submit" class="ecl-button ecl-button--primary" name="then" value="next">{t('form.continue')}</button>
      <button type="submit" class="ecl-button ecl-button--secondary" name="then" value="later">{t('form.saveLater')}</button>
      {step > 1 ? <a class="ecl-link" href={href(ctx, `/candidate/profile/${step - 1}`)}>{t('form.back')}</a> : null}
    </div>
  );
}

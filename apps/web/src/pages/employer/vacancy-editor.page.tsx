import type { Schemas } from '../../api/web-api';
import { Checkbox, ErrorSummary, Form, Notice, SelectField, Submit, TextAreaField, TextField } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';
import type { Concept } from '../candidate/esco';
import { countryName } from '../reference-data';
import { StatusTag } from './employer-fields';
import { CONTRACT_TYPES, PAY_PERIODS, type VacancyAnswers } from './vacancy-answers';

export interface EditorState {
  /** The vacancy being edited; absent for a new one. */
  vacancy?: Schemas['VacancyResponse'];
  answers: VacancyAnswers;
  memberState: string;
  occupation: Concept | null;
  check: Schemas['ShortageCheckResponse'] | null;
  /** The occupation search: its text and what it found. */
  query: string;
  results: Concept[];
  skills: Concept[];
  skillQuery: string;
  skillResults: Concept[];
  sectors: Record<string, string>;
  notice?: string;
  errors?: FieldErrors;
}

export function VacancyEditorPage({ ctx, state }: { ctx: PageContext; state: EditorState }) {
  const { t } = ctx;
  const { vacancy, answers, errors } = state;
  const base = vacancy ? `/employer/vacancies/${vacancy.id}` : '/employer/vacancies/new';
  const title = vacancy ? vacancy.title : t('employer.vacancy.newTitle');
  const draft = !vacancy || vacancy.status === 'draft';
  return (
    <Layout ctx={ctx} title={title}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {state.notice ? <Notice>{state.notice}</Notice> : null}
      <PageTitle>{vacancy ? <bdi>{title}</bdi> : title}</PageTitle>
      {vacancy ? (
        <>
          <p>{t('employer.vacancy.status')} <StatusTag ctx={ctx} status={vacancy.status} id="vacancy-status" /></p>
          {vacancy.status === 'published' ? (
            <nav class="etp-actions" aria-label={t('employer.vacancy.sections')}>
              <a class="ecl-link" href={href(ctx, `${base}/matches`)}>{t('employer.matches.title')}</a>
              <a class="ecl-link" href={href(ctx, `${base}/pipeline`)}>{t('employer.pipeline.title')}</a>
              <a class="ecl-link" href={href(ctx, `/jobs/${vacancy.id}`)}>{t('employer.vacancy.publicPage')}</a>
            </nav>
          ) : null}
        </>
      ) : (
        <p class="etp-lead">{t('employer.vacancy.newLead')}</p>
      )}
      <OccupationChooser ctx={ctx} state={state} base={base} />
      <Form ctx={ctx} action={href(ctx, vacancy ? base : '/employer/vacancies')}>
        <input type="hidden" name="occupationUri" value={answers.occupationUri} />
        <h2 class="ecl-u-type-heading-3">{t('employer.vacancy.jobSection')}</h2>
        <TextField name="title" label={t('employer.vacancy.jobTitle')} value={answers.title} errors={errors} />
        <TextAreaField name="description" label={t('employer.vacancy.description')} hint={t('employer.vacancy.descriptionHint')} value={answers.description} errors={errors} rows={8} />
        {state.check && !state.check.inShortage ? (
          <fieldset class="etp-panel etp-panel--warning" id="competitiveness">
            <legend class="ecl-form-label">{t('employer.vacancy.competitiveness')}</legend>
            <p>{t('employer.vacancy.competitivenessText')}</p>
            <Checkbox name="contributes" label={t('employer.vacancy.contributes')} checked={answers.contributes === 'yes'} errors={errors} />
            <TextAreaField name="justification" label={t('employer.vacancy.justification')} hint={t('employer.vacancy.justificationHint')} value={answers.justification} errors={errors} optional={t('employer.vacancy.whenTicked')} />
          </fieldset>
        ) : null}
        <h2 class="ecl-u-type-heading-3">{t('employer.vacancy.placeSection')}</h2>
        <p>{t('employer.vacancy.placeText', { state: countryName(ctx.locale, state.memberState) })}</p>
        <div class="etp-row">
          <TextField name="city" autocomplete="address-level2" label={t('employer.vacancy.city')} value={answers.city} errors={errors} />
          <TextField name="region" autocomplete="address-level1" label={t('employer.vacancy.region')} optional={t('form.optional')} value={answers.region} errors={errors} />
        </div>
        <h2 class="ecl-u-type-heading-3">{t('employer.vacancy.termsSection')}</h2>
        <div class="etp-row">
          <SelectField name="contractType" label={t('employer.vacancy.contractType')} optional={t('form.optional')} placeholder={t('form.choose')} options={CONTRACT_TYPES.map((type) => ({ value: type, label: t(`employer.contract.${type}`) }))} value={answers.contractType} errors={errors} />
          <TextField name="hoursPerWeek" inputMode="decimal" label={t('employer.vacancy.hoursPerWeek')} optional={t('form.optional')} value={answers.hoursPerWeek} errors={errors} />
          <TextField name="numberOfPosts" inputMode="numeric" label={t('employer.vacancy.numberOfPosts')} value={answers.numberOfPosts} errors={errors} />
        </div>
        <div class="etp-row">
          <TextField name="startDate" type="date" dir="ltr" label={t('employer.vacancy.startDate')} optional={t('form.optional')} value={answers.startDate} errors={errors} />
          <SelectField name="minEqfLevel" label={t('employer.vacancy.minEqfLevel')} optional={t('form.optional')} placeholder={t('employer.vacancy.none')} options={[1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({ value: String(level), label: t('employer.vacancy.eqf', { level }) }))} value={answers.minEqfLevel} errors={errors} />
          <TextField name="minExperienceYears" inputMode="numeric" label={t('employer.vacancy.minExperienceYears')} optional={t('form.optional')} value={answers.minExperienceYears} errors={errors} />
        </div>
        <fieldset class="etp-fieldset">
          <legend class="ecl-form-label">{t('employer.vacancy.pay')} <span class="ecl-form-label__optional">{t('form.optional')}</span></legend>
          <div class="etp-row">
            <TextField name="payMin" inputMode="decimal" label={t('employer.vacancy.payMin')} optional={t('form.optional')} value={answers.payMin} errors={errors} />
            <TextField name="payMax" inputMode="decimal" label={t('employer.vacancy.payMax')} optional={t('form.optional')} value={answers.payMax} errors={errors} />
            <TextField name="payCurrency" dir="ltr" label={t('employer.vacancy.payCurrency')} value={answers.payCurrency} errors={errors} />
            <SelectField name="payPeriod" label={t('employer.vacancy.payPeriod')} options={PAY_PERIODS.map((period) => ({ value: period, label: t(`employer.period.${period}`) }))} value={answers.payPeriod} errors={errors} />
          </div>
        </fieldset>
        <h2 class="ecl-u-type-heading-3">{t('employer.vacancy.contactSection')}</h2>
        <div class="etp-row">
          <TextField name="contactName" autocomplete="name" label={t('employer.vacancy.contactName')} value={answers.contactName} errors={errors} />
          <TextField name="contactEmail" type="email" autocomplete="email" dir="ltr" label={t('employer.vacancy.contactEmail')} value={answers.contactEmail} errors={errors} />
          <TextField name="contactPhone" type="tel" autocomplete="tel" dir="ltr" label={t('employer.vacancy.contactPhone')} optional={t('form.optional')} value={answers.contactPhone} errors={errors} />
        </div>
        <div class="etp-actions">
          {draft ? <Submit label={t('employer.vacancy.saveDraft')} secondary name="then" value="save" /> : <Submit label={t('employer.vacancy.saveChanges')} name="then" value="save" />}
          {draft ? <Submit label={t('employer.vacancy.publish')} name="then" value="publish" /> : null}
        </div>
      </Form>
      {vacancy ? <SkillsSection ctx={ctx} state={state} base={base} /> : null}
      {vacancy?.status === 'published' ? (
        <Form ctx={ctx} action={href(ctx, `${base}/close`)}>
          <Submit label={t('employer.vacancy.close')} secondary />
        </Form>
      ) : null}
    </Layout>
  );
}

/** Step one: the ESCO occupation, searched on the server, and the shortage check of the chosen one. */
function OccupationChooser({ ctx, state, base }: { ctx: PageContext; state: EditorState; base: string }) {
  const { t } = ctx;
  const { occupation, check } = state;
  return (
    <section class="etp-panel" aria-labelledby="occupation-title">
      <h2 id="occupation-title" class="ecl-u-type-heading-3">{t('employer.vacancy.occupation')}</h2>
      {occupation ? (
        <p id="field-occupationUri" tabIndex={-1}>
          {t('employer.vacancy.chosen')} <strong lang={occupation.lang}>{occupation.label}</strong>
        </p>
      ) : (
        <p id="field-occupationUri" tabIndex={-1}>{t('employer.vacancy.noOccupation')}</p>
      )}
      {occupation && check ? <ShortageCheck ctx={ctx} state={state} /> : null}
      <form method="get" action={href(ctx, base)} class="etp-row" role="search">
        {occupation ? <input type="hidden" name="occupation" value={occupation.uri} /> : null}
        <TextField name="q" type="search" label={t('employer.vacancy.occupationSearch')} hint={t('employer.vacancy.occupationSearchHint')} value={state.query} />
        <div class="etp-field"><Submit label={t('form.search')} secondary /></div>
      </form>
      {state.query ? (
        <div>
          <h3 class="ecl-u-type-heading-4">{t('wizard.results')}</h3>
          {state.results.length ? (
            <ul class="etp-results" id="occupation-results">
              {state.results.map((concept) => (
                <li key={concept.uri}>
                  <a class="ecl-link" href={`${href(ctx, base)}?occupation=${encodeURIComponent(concept.uri)}`}>
                    {t('employer.vacancy.choose')} <span lang={concept.lang}>{concept.label}</span>
                  </a>
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

function ShortageCheck({ ctx, state }: { ctx: PageContext; state: EditorState }) {
  const { t } = ctx;
  const check = state.check;
  const stateName = countryName(ctx.locale, state.memberState);
  if (!check) return null;
  const entry = check.entry;
  return check.inShortage ? (
    <div class="etp-panel etp-panel--ok" id="shortage-check" role="status">
      <p><strong>{t('employer.vacancy.inShortage', { state: stateName })}</strong></p>
      {entry ? (
        <p>
          {t('employer.vacancy.shortageSectorLabel')} <span lang="en">{state.sectors[entry.sectorCode] ?? entry.sectorCode}</span>.{' '}
          {entry.layer === 'eu' ? t('employer.vacancy.euList') : t('employer.vacancy.stateList', { state: stateName })}
        </p>
      ) : null}
    </div>
  ) : (
    <div class="etp-panel etp-panel--warning" id="shortage-check" role="status">
      <p><strong>{t('employer.vacancy.notInShortage', { state: stateName })}</strong></p>
      {check.removedBy ? <p>{t('employer.vacancy.removedByState', { state: stateName })}</p> : null}
      <p>{t('employer.vacancy.notInShortageText')} <a class="ecl-link" href="#competitiveness">{t('employer.vacancy.competitiveness')}</a></p>
    </div>
  );
}

function SkillsSection({ ctx, state, base }: { ctx: PageContext; state: EditorState; base: string }) {
  const { t } = ctx;
  const requirement = new Map((state.vacancy?.skills ?? []).map((skill) => [skill.uri, skill.requirement]));
  return (
    <section class="etp-panel" aria-labelledby="skills-title" id="skills">
      <h2 id="skills-title" class="ecl-u-type-heading-3">{t('employer.vacancy.skills')}</h2>
      <p>{t('employer.vacancy.skillsText')}</p>
      {state.skills.length ? (
        <ul class="etp-picked">
          {state.skills.map((skill) => (
            <li key={skill.uri}>
              <span lang={skill.lang}>{skill.label}</span> <span class="etp-meta">({t(`employer.requirement.${requirement.get(skill.uri) ?? 'essential'}`)})</span>
              <Form ctx={ctx} action={href(ctx, `${base}/skills`)}>
                <input type="hidden" name="remove" value={skill.uri} />
                <button type="submit" class="ecl-button ecl-button--tertiary">{t('form.remove')}<span class="ecl-u-sr-only"> <span lang={skill.lang}>{skill.label}</span></span></button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('wizard.none')}</p>
      )}
      <form method="get" action={`${href(ctx, base)}#skills`} class="etp-row" role="search">
        <TextField name="skill" type="search" label={t('employer.vacancy.skillSearch')} value={state.skillQuery} />
        <div class="etp-field"><Submit label={t('form.search')} secondary /></div>
      </form>
      {state.skillQuery ? (
        state.skillResults.length ? (
          <ul class="etp-results" id="skill-results">
            {state.skillResults.map((skill) => (
              <li key={skill.uri}>
                <Form ctx={ctx} action={href(ctx, `${base}/skills`)}>
                  <input type="hidden" name="add" value={skill.uri} />
                  <button type="submit" class="ecl-button ecl-button--secondary">{t('form.add')} <span lang={skill.lang}>{skill.label}</span></button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('wizard.noResults')}</p>
        )
      ) : null}
    </section>
  );
}

export function VacanciesPage({ ctx, vacancies, notice }: { ctx: PageContext; vacancies: Schemas['VacancyResponse'][]; notice?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('employer.vacancies.title')}>
      {notice ? <Notice>{notice}</Notice> : null}
      <PageTitle>{t('employer.vacancies.title')}</PageTitle>
      <p><a class="ecl-button ecl-button--primary" href={href(ctx, '/employer/vacancies/new')}>{t('employer.vacancies.new')}</a></p>
      {vacancies.length ? (
        <ul class="etp-cards">
          {vacancies.map((vacancy) => (
            <li class="etp-card" key={vacancy.id}>
              <h2><a class="ecl-link" href={href(ctx, `/employer/vacancies/${vacancy.id}`)}><bdi>{vacancy.title}</bdi></a></h2>
              <p class="etp-meta"><StatusTag ctx={ctx} status={vacancy.status} /> · <bdi>{vacancy.placeOfWork.city}</bdi>, {countryName(ctx.locale, vacancy.placeOfWork.memberState)}</p>
              {vacancy.status === 'published' ? (
                <p class="etp-actions etp-actions--tight">
                  <a class="ecl-link" href={href(ctx, `/employer/vacancies/${vacancy.id}/matches`)}>{t('employer.matches.title')}<span class="ecl-u-sr-only"> – <bdi>{vacancy.title}</bdi></span></a>
                  <a class="ecl-link" href={href(ctx, `/employer/vacancies/${vacancy.id}/pipeline`)}>{t('employer.pipeline.title')}<span class="ecl-u-sr-only"> – <bdi>{vacancy.title}</bdi></span></a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('employer.vacancies.none')}</p>
      )}
    </Layout>
  );
}

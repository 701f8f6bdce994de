import type { Schemas } from '../../api/web-api';
import { Checkbox, ErrorSummary, Form, Notice, type Option, SelectField, Submit, TextAreaField, TextField } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';
import type { Concept } from '../candidate/esco';
import { countryName } from '../reference-data';
import { languagesOf, listOf, shortDate } from './employer-fields';
import { TALENT_PAGE_SIZE, TALENT_SORTS, talentSearchString, type TalentPageFacet, type TalentPageFacetCounts, type TalentState } from './talent-query';

interface Occupation { uri: string; label: string | null; yearsOfExperience: number }
interface Skill { uri: string; label: string | null; level: string | null; viaProgramme: boolean }
interface Language { code: string; cefr: string }

/** The fields every pseudonymised profile shows, hit or full view alike. */
export interface ProfileView {
  referenceCode: string;
  occupations: Occupation[];
  skills: Skill[];
  skillCount: number;
  languages: Language[];
  maxEqfLevel: number | null;
  yearsOfExperience: number;
  residenceCountry: string;
  programme: { type?: unknown; partnerCountry?: unknown } | null;
  preferredMemberStates: string[];
  availableFrom: string | null;
  updatedAt: string;
}

export function profileView(hit: Schemas['TalentHitResponse'] | Schemas['TalentProfileResponse']): ProfileView {
  const skills = ('topSkills' in hit ? hit.topSkills : hit.skills) as unknown as Skill[];
  return {
    ...hit,
    occupations: hit.occupations as unknown as Occupation[],
    languages: hit.languages as unknown as Language[],
    skills,
    skillCount: 'skillCount' in hit ? hit.skillCount : skills.length,
    programme: hit.programme,
  };
}

export interface TalentPageProps {
  ctx: PageContext;
  state: TalentState;
  result: { items: ProfileView[]; total: number; facets: TalentPageFacetCounts } | null;
  /** Why there is no result (an unverified organisation, the search being down). */
  unavailable?: string;
  occupations: Concept[];
  sectors: Record<string, string>;
  conceptLang: string;
  notice?: string;
  errors?: FieldErrors;
}

const PATH = '/employer/talent';

export function TalentSearchPage(props: TalentPageProps) {
  const { ctx, state, result } = props;
  const { t } = ctx;
  const facets: TalentPageFacetCounts = result?.facets ?? {};
  const link = (change: Partial<TalentState>) => {
    const search = talentSearchString(state, { offset: 0, ...change });
    return `${href(ctx, PATH)}${search ? `?${search}` : ''}`;
  };
  const options = (facet: TalentPageFacet, selected: string[], label: (value: string) => string): Option[] =>
    [...new Set([...Object.keys(facets[facet] ?? {}), ...selected])].map((value) => ({ value, label: `${label(value)} (${facets[facet]?.[value] ?? 0})` }));
  const occupationLabel = new Map(props.occupations.map((concept) => [concept.uri, concept]));
  const eqfCounts = facets.maxEqfLevel ?? {};
  const atLeast = (level: number) => Object.entries(eqfCounts).filter(([key]) => Number(key) >= level).reduce((sum, [, count]) => sum + count, 0);
  const active: Array<{ label: string; href: string }> = [
    ...state.occupations.map((uri) => ({ label: occupationLabel.get(uri)?.label ?? uri, href: link({ occupations: state.occupations.filter((item) => item !== uri) }) })),
    ...state.sectors.map((code) => ({ label: props.sectors[code] ?? code, href: link({ sectors: state.sectors.filter((item) => item !== code) }) })),
    ...state.residenceCountries.map((code) => ({ label: countryName(ctx.locale, code), href: link({ residenceCountries: state.residenceCountries.filter((item) => item !== code) }) })),
    ...state.preferredMemberStates.map((code) => ({ label: countryName(ctx.locale, code), href: link({ preferredMemberStates: state.preferredMemberStates.filter((item) => item !== code) }) })),
    ...state.programme.map((code) => ({ label: t(`employer.programme.${code}`), href: link({ programme: state.programme.filter((item) => item !== code) }) })),
    ...(state.minEqfLevel !== null ? [{ label: t('employer.talent.eqfAtLeast', { level: state.minEqfLevel }), href: link({ minEqfLevel: null }) }] : []),
  ];
  return (
    <Layout ctx={ctx} title={t('employer.talent.title')}>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <PageTitle>{t('employer.talent.title')}</PageTitle>
      <p class="etp-lead">{t('employer.talent.lead')}</p>
      {props.unavailable ? <Notice kind="warning">{props.unavailable}</Notice> : null}
      <div class="etp-with-aside">
        <form method="get" action={href(ctx, PATH)} role="search" class="etp-form etp-facets" aria-label={t('employer.talent.filters')}>
          <TextField name="text" type="search" label={t('employer.talent.text')} hint={t('employer.talent.textHint')} value={state.text} optional={t('form.optional')} />
          <FacetGroup name="occupations" legend={t('employer.talent.occupations')} options={options('occupationUris', state.occupations, (uri) => occupationLabel.get(uri)?.label ?? uri)} selected={state.occupations} lang={props.conceptLang} />
          <FacetGroup name="sectors" legend={t('employer.talent.sectors')} options={options('sectors', state.sectors, (code) => props.sectors[code] ?? code)} selected={state.sectors} lang="en" />
          <FacetGroup name="residenceCountries" legend={t('employer.talent.residence')} options={options('residenceCountry', state.residenceCountries, (code) => countryName(ctx.locale, code))} selected={state.residenceCountries} />
          <FacetGroup name="preferredMemberStates" legend={t('employer.talent.preferred')} options={options('preferredMemberStates', state.preferredMemberStates, (code) => countryName(ctx.locale, code))} selected={state.preferredMemberStates} />
          <FacetGroup name="programme" legend={t('employer.talent.programme')} options={options('programmeType', state.programme, (code) => t(`employer.programme.${code}`))} selected={state.programme} />
          <SelectField
            name="minEqfLevel"
            label={t('employer.talent.minEqf')}
            optional={t('form.optional')}
            placeholder={t('employer.talent.anyLevel')}
            options={[1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({ value: String(level), label: `${t('employer.talent.eqfAtLeast', { level })} (${atLeast(level)})` }))}
            value={state.minEqfLevel === null ? '' : String(state.minEqfLevel)}
          />
          <TextField name="minYearsOfExperience" inputMode="numeric" label={t('employer.talent.minYears')} optional={t('form.optional')} value={state.minYearsOfExperience === null ? '' : String(state.minYearsOfExperience)} />
          <SelectField name="sort" label={t('employer.talent.sort')} options={TALENT_SORTS.map((sort) => ({ value: sort, label: t(`employer.sort.${sort}`) }))} value={state.sort} />
          <Submit label={t('employer.talent.apply')} />
        </form>
        <section aria-labelledby="results-title">
          <h2 id="results-title">{t('employer.talent.results', { count: result?.total ?? 0 })}</h2>
          {active.length ? (
            <ul class="etp-chips" aria-label={t('employer.talent.active')}>
              {active.map((filter) => (
                <li key={filter.href}><a class="ecl-link" href={filter.href}>{t('employer.talent.removeFilter', { filter: filter.label })}</a></li>
              ))}
            </ul>
          ) : null}
          {result?.items.length ? (
            <ul class="etp-cards">
              {result.items.map((profile) => (
                <li class="etp-card" key={profile.referenceCode}>
                  <ProfileCard ctx={ctx} profile={profile} lang={props.conceptLang} />
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('employer.talent.none')}</p>
          )}
          <Pagination ctx={ctx} total={result?.total ?? 0} offset={state.offset} link={(offset) => link({ offset })} />
          {result ? (
            <section class="etp-panel" aria-labelledby="save-title">
              <h2 id="save-title" class="ecl-u-type-heading-4">{t('employer.saved.save')}</h2>
              <Form ctx={ctx} action={href(ctx, '/employer/saved-searches')}>
                <input type="hidden" name="query" value={talentSearchString(state, { offset: 0 })} />
                <TextField name="name" label={t('employer.saved.name')} hint={t('employer.saved.nameHint')} errors={props.errors} />
                <Submit label={t('employer.saved.save')} secondary />
              </Form>
            </section>
          ) : null}
        </section>
      </div>
    </Layout>
  );
}

function FacetGroup({ name, legend, options, selected, lang }: { name: string; legend: string; options: Option[]; selected: string[]; lang?: string }) {
  if (!options.length) return null;
  return (
    <fieldset class="etp-facet">
      <legend class="ecl-form-label">{legend}</legend>
      {options.map((option) => (
        <div lang={lang} key={option.value}>
          <Checkbox name={name} value={option.value} label={option.label} checked={selected.includes(option.value)} />
        </div>
      ))}
    </fieldset>
  );
}

export function Pagination({ ctx, total, offset, link }: { ctx: PageContext; total: number; offset: number; link: (offset: number) => string }) {
  const { t } = ctx;
  const pages = Math.ceil(total / TALENT_PAGE_SIZE);
  if (pages <= 1) return null;
  const current = Math.floor(offset / TALENT_PAGE_SIZE);
  return (
    <nav class="etp-pagination" aria-label={t('employer.talent.pages')}>
      <ul>
        {current > 0 ? <li><a class="ecl-link" href={link((current - 1) * TALENT_PAGE_SIZE)}>{t('employer.talent.previous')}</a></li> : null}
        {Array.from({ length: pages }, (_, page) => page)
          .filter((page) => Math.abs(page - current) <= 3 || page === 0 || page === pages - 1)
          .map((page) => (
            <li key={page}>
              {page === current ? (
                <span aria-current="page">{t('employer.talent.page', { n: page + 1 })}</span>
              ) : (
                <a class="ecl-link" href={link(page * TALENT_PAGE_SIZE)}>{t('employer.talent.page', { n: page + 1 })}</a>
              )}
            </li>
          ))}
        {current < pages - 1 ? <li><a class="ecl-link" href={link((current + 1) * TALENT_PAGE_SIZE)}>{t('employer.talent.next')}</a></li> : null}
      </ul>
    </nav>
  );
}

function ProfileCard({ ctx, profile, lang }: { ctx: PageContext; profile: ProfileView; lang: string }) {
  const { t } = ctx;
  return (
    <>
      <h3><a class="ecl-link" href={href(ctx, `${PATH}/${profile.referenceCode}`)}><bdi>{profile.referenceCode}</bdi></a></h3>
      <p lang={lang}>{profile.occupations.map((occupation) => occupation.label ?? occupation.uri).join(' · ')}</p>
      <p class="etp-meta">
        {t('employer.talent.livesIn', { country: countryName(ctx.locale, profile.residenceCountry) })} · {t('employer.talent.years', { count: profile.yearsOfExperience })}
        {profile.maxEqfLevel ? <> · {t('employer.vacancy.eqf', { level: profile.maxEqfLevel })}</> : null}
      </p>
      {profile.skills.length ? <p class="etp-meta" lang={lang}>{profile.skills.map((skill) => skill.label ?? '').filter(Boolean).join(', ')}</p> : null}
      {profile.languages.length ? <p class="etp-meta">{languagesOf(ctx, profile.languages)}</p> : null}
    </>
  );
}

export function TalentProfilePage(props: { ctx: PageContext; profile: ProfileView; lang: string; vacancies: Schemas['VacancyResponse'][]; errors?: FieldErrors; message?: string }) {
  const { ctx, profile, lang } = props;
  const { t } = ctx;
  const programme = typeof profile.programme?.type === 'string' ? profile.programme.type : null;
  return (
    <Layout ctx={ctx} title={t('employer.profile.title', { code: profile.referenceCode })}>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <PageTitle>{t('employer.profile.heading')} <bdi>{profile.referenceCode}</bdi></PageTitle>
      <div class="etp-panel"><p>{t('employer.profile.pseudonymised')}</p></div>
      <dl class="etp-facts">
        <dt>{t('employer.talent.occupations')}</dt>
        <dd><ul class="etp-list">{profile.occupations.map((occupation) => <li key={occupation.uri}><span lang={lang}>{occupation.label ?? occupation.uri}</span> – {t('employer.talent.years', { count: occupation.yearsOfExperience })}</li>)}</ul></dd>
        <dt>{t('employer.vacancy.skills')}</dt>
        <dd>
          <ul class="etp-list">
            {profile.skills.map((skill) => (
              <li key={skill.uri}>
                <span lang={lang}>{skill.label ?? skill.uri}</span>
                {skill.level ? ` (${t(`employer.level.${skill.level}`, { defaultValue: skill.level })})` : ''}
                {skill.viaProgramme ? ` – ${t('employer.profile.viaProgramme')}` : ''}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('employer.profile.languages')}</dt>
        <dd>{languagesOf(ctx, profile.languages)}</dd>
        <dt>{t('employer.profile.education')}</dt>
        <dd>{profile.maxEqfLevel ? t('employer.vacancy.eqf', { level: profile.maxEqfLevel }) : '–'}</dd>
        <dt>{t('employer.profile.experience')}</dt>
        <dd>{t('employer.talent.years', { count: profile.yearsOfExperience })}</dd>
        <dt>{t('employer.talent.residence')}</dt>
        <dd>{countryName(ctx.locale, profile.residenceCountry)}</dd>
        <dt>{t('employer.talent.programme')}</dt>
        <dd>{programme ? t(`employer.programme.${programme}`) : '–'}</dd>
        <dt>{t('employer.talent.preferred')}</dt>
        <dd>{profile.preferredMemberStates.length ? listOf(ctx, profile.preferredMemberStates.map((code) => countryName(ctx.locale, code))) : '–'}</dd>
        <dt>{t('employer.profile.availableFrom')}</dt>
        <dd>{profile.availableFrom ? shortDate(ctx, profile.availableFrom) : '–'}</dd>
        <dt>{t('employer.profile.updated')}</dt>
        <dd>{shortDate(ctx, profile.updatedAt)}</dd>
      </dl>
      <section class="etp-panel" aria-labelledby="contact-title">
        <h2 id="contact-title">{t('employer.profile.contactTitle')}</h2>
        <p>{t('employer.profile.contactText')}</p>
        {props.vacancies.length ? (
          <Form ctx={ctx} action={href(ctx, `${PATH}/${profile.referenceCode}/contact`)}>
            <SelectField name="vacancyId" label={t('employer.profile.vacancy')} options={props.vacancies.map((vacancy) => ({ value: vacancy.id, label: vacancy.title }))} placeholder={t('form.choose')} errors={props.errors} value={props.vacancies.length === 1 ? props.vacancies[0].id : undefined} />
            <TextAreaField name="message" label={t('employer.profile.message')} hint={t('employer.profile.messageHint')} value={props.message} errors={props.errors} />
            <Submit label={t('employer.profile.send')} />
          </Form>
        ) : (
          <p>{t('employer.profile.noVacancy')} <a class="ecl-link" href={href(ctx, '/employer/vacancies/new')}>{t('employer.vacancies.new')}</a></p>
        )}
      </section>
    </Layout>
  );
}

import { ErrorSummary, Form, Notice, type Option, RadioGroup, SelectField, Submit, TextAreaField, TextField } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';
import { countryName } from '../reference-data';
import { shortDate, StatusTag } from './employer-fields';
import type { EmployerUser, Organisation } from './employer-session';

export const ENTITY_TYPES = ['employer', 'temporary_work_agency', 'private_employment_agency', 'labour_market_intermediary'] as const;

export interface RegistrationAnswers {
  legalName: string;
  memberState: string;
  entityType: string;
  registrationNumber: string;
  description: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

export function RegisterOrganisationPage({ ctx, memberStates, answers, errors }: { ctx: PageContext; memberStates: Option[]; answers?: RegistrationAnswers; errors?: FieldErrors }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('employer.register.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PageTitle>{t('employer.register.title')}</PageTitle>
      <p class="etp-lead">{t('employer.register.lead')}</p>
      <Form ctx={ctx} action={href(ctx, '/employers/register')}>
        <h2 class="ecl-u-type-heading-3">{t('employer.register.organisation')}</h2>
        <TextField name="legalName" autocomplete="organization" label={t('employer.register.legalName')} value={answers?.legalName} errors={errors} />
        <SelectField name="memberState" label={t('employer.register.memberState')} hint={t('employer.register.memberStateHint')} options={memberStates} value={answers?.memberState} placeholder={t('form.choose')} errors={errors} />
        <RadioGroup
          name="entityType"
          label={t('employer.register.entityType')}
          hint={t('employer.register.entityTypeHint')}
          options={ENTITY_TYPES.map((type) => ({ value: type, label: t(`employer.entity.${type}`) }))}
          value={answers?.entityType ?? 'employer'}
          errors={errors}
        />
        <TextField name="registrationNumber" dir="ltr" label={t('employer.register.registrationNumber')} hint={t('employer.register.registrationNumberHint')} value={answers?.registrationNumber} errors={errors} />
        <TextAreaField name="description" label={t('employer.register.description')} hint={t('employer.register.descriptionHint')} value={answers?.description} errors={errors} />
        <h2 class="ecl-u-type-heading-3">{t('employer.register.contact')}</h2>
        <p>{t('employer.register.contactLead')}</p>
        <TextField name="contactName" autocomplete="name" label={t('employer.register.contactName')} value={answers?.contactName} errors={errors} />
        <TextField name="contactEmail" type="email" autocomplete="email" dir="ltr" label={t('employer.register.contactEmail')} hint={t('employer.register.contactEmailHint')} value={answers?.contactEmail} errors={errors} />
        <TextField name="contactPhone" type="tel" autocomplete="tel" dir="ltr" inputMode="tel" label={t('employer.register.contactPhone')} optional={t('form.optional')} value={answers?.contactPhone} errors={errors} />
        <Submit label={t('employer.register.submit')} />
      </Form>
      <p><a class="ecl-link" href={href(ctx, '/sign-in')}>{t('register.haveAccount')}</a></p>
    </Layout>
  );
}

export function RegisteredPage({ ctx, email }: { ctx: PageContext; email: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('employer.register.sentTitle')}>
      <PageTitle>{t('employer.register.sentTitle')}</PageTitle>
      <p class="etp-lead">{t('employer.register.sentText')} <bdi>{email}</bdi></p>
      <NextSteps ctx={ctx} />
    </Layout>
  );
}

function NextSteps({ ctx, memberState }: { ctx: PageContext; memberState?: string }) {
  const { t } = ctx;
  return (
    <section class="etp-panel" aria-labelledby="next-title">
      <h2 id="next-title">{t('employer.status.nextTitle')}</h2>
      <ol class="etp-list">
        <li>{t('employer.status.next1')}</li>
        <li>{memberState ? t('employer.status.next2State', { state: countryName(ctx.locale, memberState) }) : t('employer.status.next2')}</li>
        <li>{t('employer.status.next3')}</li>
      </ol>
    </section>
  );
}

/** What the organisation declared, as the national contact point sees it. */
function Declared({ ctx, organisation }: { ctx: PageContext; organisation: Organisation }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="declared-title">
      <h2 id="declared-title">{t('employer.status.declared')}</h2>
      <dl class="etp-facts">
        <dt>{t('employer.register.legalName')}</dt>
        <dd><bdi>{organisation.legalName}</bdi></dd>
        <dt>{t('employer.register.memberState')}</dt>
        <dd>{countryName(ctx.locale, organisation.memberState)}</dd>
        <dt>{t('employer.register.entityType')}</dt>
        <dd>{t(`employer.entity.${organisation.entityType}`)}</dd>
        <dt>{t('employer.register.registrationNumber')}</dt>
        <dd><bdi>{organisation.registrationNumber ?? ''}</bdi></dd>
        {organisation.contact ? (
          <>
            <dt>{t('employer.register.contact')}</dt>
            <dd><bdi>{organisation.contact.name}</bdi> · <bdi>{organisation.contact.email}</bdi>{organisation.contact.phone ? <> · <bdi>{organisation.contact.phone}</bdi></> : null}</dd>
          </>
        ) : null}
        <dt>{t('employer.register.description')}</dt>
        <dd dir="auto">{organisation.description ?? ''}</dd>
        <dt>{t('employer.status.registeredOn')}</dt>
        <dd>{shortDate(ctx, organisation.createdAt)}</dd>
      </dl>
    </section>
  );
}

const HOME_LINKS = [
  ['/employer/vacancies', 'employer.nav.vacancies', 'employer.home.vacanciesText'],
  ['/employer/talent', 'employer.nav.talent', 'employer.home.talentText'],
  ['/employer/saved-searches', 'employer.nav.savedSearches', 'employer.home.savedText'],
  ['/employer/notifications', 'employer.nav.notifications', 'employer.home.notificationsText'],
  ['/employer/colleagues', 'employer.nav.colleagues', 'employer.home.colleaguesText'],
] as const;

/** The employer's home: the organisation's status while it waits for verification, the console once verified. */
export function EmployerHomePage({ ctx, user, unread }: { ctx: PageContext; user: EmployerUser; unread: number }) {
  const { t } = ctx;
  const organisation = user.organisation;
  const status = organisation?.status ?? 'pending';
  const title = status === 'verified' ? (organisation?.legalName ?? t('employer.home.title')) : t(`employer.status.title_${status}`);
  return (
    <Layout ctx={ctx} title={title}>
      <PageTitle>{status === 'verified' ? <bdi>{title}</bdi> : title}</PageTitle>
      <p>
        {t('employer.status.label')} <StatusTag ctx={ctx} status={status} id="organisation-status" />
      </p>
      {organisation?.statusReason && status !== 'verified' ? <Notice kind="warning">{organisation.statusReason}</Notice> : null}
      {status === 'verified' ? (
        <>
          {unread ? <Notice kind="info"><a class="ecl-link" href={href(ctx, '/employer/notifications')}>{t('employer.home.unread', { count: unread })}</a></Notice> : null}
          <ul class="etp-cards etp-cards--grid">
            {HOME_LINKS.map(([path, label, text]) => (
              <li class="etp-card" key={path}>
                <h2><a class="ecl-link" href={href(ctx, path)}>{t(label)}</a></h2>
                <p>{t(text)}</p>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p class="etp-lead">{t(`employer.status.text_${status}`)}</p>
          {status === 'pending' ? <NextSteps ctx={ctx} memberState={organisation?.memberState} /> : null}
          {organisation ? <Declared ctx={ctx} organisation={organisation} /> : null}
        </>
      )}
    </Layout>
  );
}

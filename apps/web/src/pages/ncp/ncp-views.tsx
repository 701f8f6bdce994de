import type { Schemas } from '../../api/web-api';
import { formatDay } from '../../views/console';
import { DataTable } from '../../views/data-table';
import { ErrorSummary, Form, Notice, RadioGroup, Submit, TextAreaField } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';
import { countryName } from '../reference-data';

type Employer = Schemas['EmployerResponse'];
export type EmployerStatus = Employer['status'];
export const EMPLOYER_STATUSES: readonly EmployerStatus[] = ['pending', 'verified', 'suspended', 'removed'];

/** What the API lets an NCP do next with an employer in each status. */
export const NEXT_STATUSES: Record<EmployerStatus, ReadonlyArray<Exclude<EmployerStatus, 'pending'>>> = {
  pending: ['verified', 'removed'],
  verified: ['suspended', 'removed'],
  suspended: ['verified', 'removed'],
  removed: [],
};

export function QueuePage({ ctx, memberState, status, employers }: { ctx: PageContext; memberState: string; status: EmployerStatus; employers: Schemas['EmployerPage'] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('ncp.queue.title')}>
      <PageTitle>{t('ncp.queue.title')}</PageTitle>
      <p class="etp-lead">{t('ncp.queue.lead', { state: countryName(ctx.locale, memberState) })}</p>
      <nav aria-label={t('ncp.queue.filter')}>
        <ul class="etp-tabs">
          {EMPLOYER_STATUSES.map((option) => (
            <li key={option}>
              <a class="ecl-link" href={href(ctx, `/ncp?status=${option}`)} aria-current={option === status ? 'page' : undefined}>
                {t(`ncp.status.${option}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t('ncp.queue.count', { count: employers.total, status: t(`ncp.status.${status}`) })}</h2>
      {employers.items.length ? (
        <DataTable id="employers" caption={t('ncp.queue.caption', { status: t(`ncp.status.${status}`) })} headers={[t('ncp.employer.legalName'), t('ncp.employer.registrationNumber'), t('ncp.employer.entityType'), t('ncp.employer.registered')]}>
          {employers.items.map((employer) => (
            <tr class="ecl-table__row" key={employer.id}>
              <td class="ecl-table__cell"><a class="ecl-link" href={href(ctx, `/ncp/employers/${employer.id}`)}><bdi>{employer.legalName}</bdi></a></td>
              <td class="ecl-table__cell"><bdi>{employer.registrationNumber ?? '–'}</bdi></td>
              <td class="ecl-table__cell">{t(`ncp.entityTypes.${employer.entityType}`)}</td>
              <td class="ecl-table__cell">{formatDay(ctx.locale, employer.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('ncp.queue.none')}</p>
      )}
      {employers.total > employers.limit ? (
        <nav aria-label={t('ncp.queue.pages')}>
          <ul class="etp-tabs">
            {employers.offset > 0 ? <li><a class="ecl-link" href={href(ctx, `/ncp?status=${status}&offset=${Math.max(0, employers.offset - employers.limit)}`)}>{t('ncp.queue.previous')}</a></li> : null}
            {employers.offset + employers.limit < employers.total ? <li><a class="ecl-link" href={href(ctx, `/ncp?status=${status}&offset=${employers.offset + employers.limit}`)}>{t('ncp.queue.next')}</a></li> : null}
          </ul>
        </nav>
      ) : null}
    </Layout>
  );
}

export interface DecisionAnswers {
  status: string;
  reason: string;
}

export function EmployerPage(props: { ctx: PageContext; employer: Employer; notice?: string; errors?: FieldErrors; answers?: DecisionAnswers }) {
  const { ctx, employer } = props;
  const { t } = ctx;
  const next = NEXT_STATUSES[employer.status];
  return (
    <Layout ctx={ctx} title={employer.legalName}>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <p><a class="ecl-link" href={href(ctx, `/ncp?status=${employer.status}`)}>{t('ncp.employer.back')}</a></p>
      <PageTitle><bdi>{employer.legalName}</bdi></PageTitle>
      <p>
        <span class={`ecl-label etp-status etp-status--${employer.status}`} id="employer-status">{t(`ncp.status.${employer.status}`)}</span>
        {employer.statusChangedAt ? <> {t('ncp.employer.since', { date: formatDay(ctx.locale, employer.statusChangedAt) })}</> : null}
      </p>
      {employer.statusReason ? <p>{t('ncp.employer.reasonWas')} <bdi>{employer.statusReason}</bdi></p> : null}
      <h2>{t('ncp.employer.declared')}</h2>
      <dl class="etp-facts">
        <dt>{t('ncp.employer.legalName')}</dt>
        <dd><bdi>{employer.legalName}</bdi></dd>
        <dt>{t('ncp.employer.memberState')}</dt>
        <dd>{countryName(ctx.locale, employer.memberState)}</dd>
        <dt>{t('ncp.employer.registrationNumber')}</dt>
        <dd><bdi>{employer.registrationNumber ?? '–'}</bdi></dd>
        <dt>{t('ncp.employer.entityType')}</dt>
        <dd>{t(`ncp.entityTypes.${employer.entityType}`)}</dd>
        <dt>{t('ncp.employer.contact')}</dt>
        <dd>
          {employer.contact ? (
            <>
              <bdi>{employer.contact.name}</bdi>, <bdi>{employer.contact.email}</bdi>
              {employer.contact.phone ? <>, <bdi>{employer.contact.phone}</bdi></> : null}
            </>
          ) : '–'}
        </dd>
        <dt>{t('ncp.employer.description')}</dt>
        <dd><bdi>{employer.description ?? '–'}</bdi></dd>
        <dt>{t('ncp.employer.registered')}</dt>
        <dd>{formatDay(ctx.locale, employer.createdAt)}</dd>
      </dl>
      {next.length ? (
        <section class="etp-panel" aria-labelledby="decision-title">
          <h2 id="decision-title">{t('ncp.decision.title')}</h2>
          <Form ctx={ctx} action={href(ctx, `/ncp/employers/${employer.id}/status`)}>
            <RadioGroup
              name="status"
              label={t('ncp.decision.status')}
              options={next.map((status) => ({ value: status, label: t(`ncp.decision.${status}`) }))}
              value={props.answers?.status}
              errors={props.errors}
            />
            <TextAreaField name="reason" label={t('ncp.decision.reason')} hint={t('ncp.decision.reasonHint')} value={props.answers?.reason} errors={props.errors} rows={3} />
            <Submit label={t('ncp.decision.submit')} />
          </Form>
        </section>
      ) : (
        <p>{t('ncp.decision.final')}</p>
      )}
    </Layout>
  );
}

export interface StateStatistics {
  employers: Record<EmployerStatus, number>;
  vacancies: number | null;
  occupations: Array<{ label: string; lang?: string; count: number }>;
  placements: number | null;
  roundedTo: number | null;
}

export function StatisticsPage({ ctx, memberState, statistics }: { ctx: PageContext; memberState: string; statistics: StateStatistics }) {
  const { t } = ctx;
  const state = countryName(ctx.locale, memberState);
  const figure = (value: number | null) => (value === null ? t('ncp.statistics.withheld') : value.toLocaleString(ctx.locale));
  return (
    <Layout ctx={ctx} title={t('ncp.statistics.title')}>
      <PageTitle>{t('ncp.statistics.title')}</PageTitle>
      <p class="etp-lead">{t('ncp.statistics.lead', { state })}</p>
      <DataTable id="employers-by-status" caption={t('ncp.statistics.employers', { state })} headers={[t('ncp.statistics.status'), t('ncp.statistics.count')]}>
        {EMPLOYER_STATUSES.map((status) => (
          <tr class="ecl-table__row" key={status}>
            <th class="ecl-table__cell" scope="row">{t(`ncp.status.${status}`)}</th>
            <td class="ecl-table__cell">{statistics.employers[status].toLocaleString(ctx.locale)}</td>
          </tr>
        ))}
      </DataTable>
      <DataTable id="activity" caption={t('ncp.statistics.activity', { state })} headers={[t('ncp.statistics.measure'), t('ncp.statistics.count')]}>
        <tr class="ecl-table__row">
          <th class="ecl-table__cell" scope="row">{t('ncp.statistics.openVacancies')}</th>
          <td class="ecl-table__cell">{figure(statistics.vacancies)}</td>
        </tr>
        <tr class="ecl-table__row">
          <th class="ecl-table__cell" scope="row">{t('ncp.statistics.placements')}</th>
          <td class="ecl-table__cell">{figure(statistics.placements)}</td>
        </tr>
      </DataTable>
      {statistics.occupations.length ? (
        <DataTable id="occupations" caption={t('ncp.statistics.occupations', { state })} headers={[t('ncp.statistics.occupation'), t('ncp.statistics.count')]}>
          {statistics.occupations.map((occupation) => (
            <tr class="ecl-table__row" key={occupation.label}>
              <th class="ecl-table__cell" scope="row" lang={occupation.lang}>{occupation.label}</th>
              <td class="ecl-table__cell">{occupation.count.toLocaleString(ctx.locale)}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('ncp.statistics.noOccupations')}</p>
      )}
      {statistics.roundedTo ? <p class="etp-meta">{t('ncp.statistics.rounding', { step: statistics.roundedTo })}</p> : null}
    </Layout>
  );
}

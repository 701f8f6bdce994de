import type { Schemas } from '../../../api/web-api';
import { DataTable } from '../../../views/data-table';
import { ErrorSummary, Form, Notice, Submit, TextField } from '../../../views/forms';
import type { FieldErrors } from '../../../views/form-errors';
import { Layout, PageTitle } from '../../../views/layout';
import { href, type PageContext } from '../../../views/page-context';
import { BarChart, type Bar } from './bar-chart';

export interface PageWindow {
  total: number;
  limit: number;
  offset: number;
}

/** Text around one value that must stay isolated (a phone number, an id) inside a translated sentence. */
function Isolated({ text, value }: { text: string; value: string }) {
  const [before, after = ''] = text.split('\u0001');
  return <>{before}<bdi>{value}</bdi>{after}</>;
}

function dateTime(ctx: PageContext, iso: string | Date | null | undefined): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC';
}

/** Previous and next links that keep the rest of the query (the filters) as it is. */
export function Pager({ ctx, path, query, window }: { ctx: PageContext; path: string; query: Record<string, string>; window: PageWindow }) {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(window.total / window.limit));
  const page = Math.floor(window.offset / window.limit) + 1;
  const link = (target: number) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== ''));
    if (target > 1) params.set('page', String(target));
    const search = params.toString();
    return href(ctx, `${path}${search ? `?${search}` : ''}`);
  };
  return (
    <nav class="etp-pager" aria-label={t('adminOperations.pages.label')}>
      <p class="etp-pager__status">
        {t('adminOperations.pages.total', { count: new Intl.NumberFormat(ctx.locale).format(window.total) })} · {t('adminOperations.pages.pageOf', { page, pages })}
      </p>
      <ul class="etp-pager__links">
        {page > 1 ? <li><a class="ecl-link" href={link(page - 1)} rel="prev">{t('adminOperations.pages.previous')}</a></li> : null}
        {page < pages ? <li><a class="ecl-link" href={link(page + 1)} rel="next">{t('adminOperations.pages.next')}</a></li> : null}
      </ul>
    </nav>
  );
}

export interface AuditFilters {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  from: string;
  to: string;
}

export function AuditPage({ ctx, filters, events, errors, window }: { ctx: PageContext; filters: AuditFilters; events: Schemas['AuditEventResponse'][] | null; errors?: FieldErrors; window?: PageWindow }) {
  const { t } = ctx;
  const k = (key: string) => t(`adminOperations.audit.${key}`);
  return (
    <Layout ctx={ctx} title={k('title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PageTitle>{k('title')}</PageTitle>
      <p>{k('intro')}</p>
      <Form ctx={ctx} action={href(ctx, '/admin/audit')} method="get">
        <fieldset class="etp-filters">
          <legend class="ecl-u-type-heading-4">{k('filters')}</legend>
          <div class="etp-filters__grid">
            <TextField name="actor" label={k('actor')} hint={k('actorHint')} value={filters.actor} errors={errors} optional={t('form.optional')} dir="ltr" />
            <TextField name="action" label={k('action')} hint={k('actionHint')} value={filters.action} errors={errors} optional={t('form.optional')} dir="ltr" />
            <TextField name="targetType" label={k('targetType')} hint={k('targetTypeHint')} value={filters.targetType} errors={errors} optional={t('form.optional')} dir="ltr" />
            <TextField name="targetId" label={k('targetId')} value={filters.targetId} errors={errors} optional={t('form.optional')} dir="ltr" />
            <TextField name="from" type="date" label={k('from')} hint={k('dateHint')} value={filters.from} errors={errors} optional={t('form.optional')} />
            <TextField name="to" type="date" label={k('to')} hint={k('dateHint')} value={filters.to} errors={errors} optional={t('form.optional')} />
          </div>
          <div class="etp-actions">
            <Submit label={k('apply')} />
            <a class="ecl-link etp-actions__link" href={href(ctx, '/admin/audit')}>{k('clear')}</a>
          </div>
        </fieldset>
      </Form>
      {events === null ? null : events.length === 0 ? (
        <p>{k('none')}</p>
      ) : (
        <>
          <DataTable id="audit-events" caption={k('caption')} headers={[k('when'), k('who'), k('what'), k('target'), k('request')]}>
            {events.map((event) => (
              <tr class="ecl-table__row" key={event.id}>
                <td class="ecl-table__cell">{dateTime(ctx, event.occurredAt)}</td>
                <td class="ecl-table__cell">
                  {event.actorRole}
                  {event.actorAccountId ? (
                    <>
                      {' '}
                      <a class="ecl-link etp-code" href={href(ctx, `/admin/audit?actor=${event.actorAccountId}`)}><bdi>{event.actorAccountId}</bdi></a>
                    </>
                  ) : null}
                </td>
                <td class="ecl-table__cell"><code><bdi>{event.action}</bdi></code></td>
                <td class="ecl-table__cell">
                  {event.targetType ? <>{event.targetType} <bdi class="etp-code">{event.targetId ?? ''}</bdi></> : '–'}
                </td>
                <td class="ecl-table__cell"><bdi class="etp-code">{event.requestId ?? '–'}</bdi></td>
              </tr>
            ))}
          </DataTable>
          {window ? <Pager ctx={ctx} path="/admin/audit" query={{ ...filters }} window={window} /> : null}
        </>
      )}
    </Layout>
  );
}

export interface StatisticsCharts {
  generatedAt: string | null;
  candidates: number | null;
  vacancies: number | null;
  charts: { id: string; title: string; bars: Bar[] }[];
}

export function StatisticsPage({ ctx, statistics }: { ctx: PageContext; statistics: StatisticsCharts | null }) {
  const { t } = ctx;
  const number = new Intl.NumberFormat(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('adminOperations.statistics.title')}>
      <PageTitle>{t('adminOperations.statistics.title')}</PageTitle>
      {statistics === null ? (
        <Notice kind="warning">{t('adminOperations.statistics.unavailable')}</Notice>
      ) : (
        <>
          <p>{t('adminOperations.statistics.intro', { when: dateTime(ctx, statistics.generatedAt) })}</p>
          <dl class="etp-facts">
            <dt>{t('adminOperations.statistics.candidates')}</dt>
            <dd>{statistics.candidates === null ? '–' : number.format(statistics.candidates)}</dd>
            <dt>{t('adminOperations.statistics.vacancies')}</dt>
            <dd>{statistics.vacancies === null ? '–' : number.format(statistics.vacancies)}</dd>
          </dl>
          {statistics.charts.map((chart) => <BarChart key={chart.id} ctx={ctx} id={chart.id} title={chart.title} bars={chart.bars} />)}
        </>
      )}
    </Layout>
  );
}

export function FailedJobsPage({ ctx, jobs, window, notice, warning }: { ctx: PageContext; jobs: Schemas['FailedJobResponse'][] | null; window: PageWindow; notice?: string; warning?: string }) {
  const { t } = ctx;
  const k = (key: string) => t(`adminOperations.jobs.${key}`);
  const page = Math.floor(window.offset / window.limit) + 1;
  return (
    <Layout ctx={ctx} title={k('title')}>
      {notice ? <Notice>{notice}</Notice> : null}
      {warning ? <Notice kind="warning">{warning}</Notice> : null}
      <PageTitle>{k('title')}</PageTitle>
      <p>{k('intro')}</p>
      <p><a class="ecl-link" href={href(ctx, '/admin/queues')}>{k('dashboard')}</a></p>
      {jobs === null ? (
        <Notice kind="warning">{k('unavailable')}</Notice>
      ) : jobs.length === 0 ? (
        <p>{k('none')}</p>
      ) : (
        <>
          <DataTable id="failed-jobs" caption={k('caption')} headers={[k('queue'), k('name'), k('id'), k('attempts'), k('failedAt'), k('error'), k('action')]}>
            {jobs.map((job) => (
              <tr class="ecl-table__row" key={`${job.queue}/${job.id}`}>
                <td class="ecl-table__cell"><code>{job.queue}</code></td>
                <td class="ecl-table__cell"><code><bdi>{job.name}</bdi></code></td>
                <td class="ecl-table__cell"><bdi class="etp-code">{job.id ?? '–'}</bdi></td>
                <td class="ecl-table__cell etp-number">{job.attemptsMade}</td>
                <td class="ecl-table__cell">{dateTime(ctx, job.failedAt)}</td>
                <td class="ecl-table__cell"><bdi class="etp-error-text">{errorSummary(job.failedReason)}</bdi></td>
                <td class="ecl-table__cell">
                  {job.id ? (
                    <form method="post" action={href(ctx, '/admin/jobs/retry')} class="etp-inline-form">
                      <input type="hidden" name="_csrf" value={ctx.csrf} />
                      <input type="hidden" name="queue" value={job.queue} />
                      <input type="hidden" name="id" value={job.id} />
                      <input type="hidden" name="page" value={String(page)} />
                      <button type="submit" class="ecl-button ecl-button--secondary">
                        {k('retry')}<span class="ecl-u-sr-only"> <bdi>{job.name} {job.id}</bdi></span>
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
          <Pager ctx={ctx} path="/admin/jobs" query={{}} window={window} />
        </>
      )}
    </Layout>
  );
}

/**
 * The first line of a job's error, short, with anything that looks like an address or a phone
 * number taken out: the page shows what went wrong, not whom it concerned.
 */
export function errorSummary(reason: string): string {
  const line = (reason.split('\n')[0] ?? '')
    .replace(/[^\s@<>"']+@[^\s@<>"']+/g, '[…]')
    .replace(/\+?\d[\d\s().-]{6,}\d/g, '[…]');
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

export function DuplicatesPage({ ctx, groups, window }: { ctx: PageContext; groups: Schemas['PossibleDuplicateGroupResponse'][] | null; window: PageWindow }) {
  const { t } = ctx;
  const k = (key: string) => t(`adminOperations.duplicates.${key}`);
  const date = new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <Layout ctx={ctx} title={k('title')}>
      <PageTitle>{k('title')}</PageTitle>
      <p>{k('intro')}</p>
      {groups === null ? (
        <Notice kind="warning">{t('errors.generic')}</Notice>
      ) : groups.length === 0 ? (
        <p>{k('none')}</p>
      ) : (
        <>
          {groups.map((group, index) => (
            <section class="etp-duplicates" key={group.phone} aria-labelledby={`group-${index}`}>
              <h2 class="ecl-u-type-heading-3" id={`group-${index}`}>
                <Isolated text={t('adminOperations.duplicates.group', { phone: '\u0001' })} value={group.phone} />
              </h2>
              <DataTable id={`group-${index}-table`} caption={<Isolated text={t('adminOperations.duplicates.group', { phone: '\u0001' })} value={group.phone} />} hiddenCaption headers={[k('reference'), k('account'), k('registered')]}>
                {group.candidates.map((candidate) => (
                  <tr class="ecl-table__row" key={candidate.candidateId}>
                    <td class="ecl-table__cell"><bdi class="etp-code">{candidate.referenceCode}</bdi></td>
                    <td class="ecl-table__cell">
                      <a class="ecl-link etp-code" href={href(ctx, `/admin/audit?actor=${candidate.accountId}`)}><bdi>{candidate.accountId}</bdi></a>
                    </td>
                    <td class="ecl-table__cell">{date.format(new Date(candidate.createdAt))}</td>
                  </tr>
                ))}
              </DataTable>
            </section>
          ))}
          <Pager ctx={ctx} path="/admin/duplicates" query={{}} window={window} />
        </>
      )}
    </Layout>
  );
}

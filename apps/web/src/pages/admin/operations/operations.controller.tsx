import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Schemas } from '../../../api/web-api';
import type { Locale } from '../../../i18n/locales';
import type { FieldErrors } from '../../../views/form-errors';
import type { PageContext } from '../../../views/page-context';
import { field } from '../../form-body';
import { LocalePipe } from '../../locale.pipe';
import { Pages } from '../../pages.service';
import { countryName } from '../../reference-data';
import { signedInRequest } from '../../signed-in';
import type { Bar } from './bar-chart';
import { AuditPage, type AuditFilters, DuplicatesPage, FailedJobsPage, StatisticsPage, type StatisticsCharts } from './operations-views';
import { QUEUE_DASHBOARD_ROUTE } from './queue-dashboard';

const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const AVAILABILITY = ['now', 'within3Months', 'later', 'unspecified'] as const;

/**
 * The administrator's operations: the audit log with its filters in the URL, statistics as charts,
 * failed background jobs with a retry, and possible duplicate candidates. The API checks every call.
 */
@Controller(':locale/admin')
export class OperationsController {
  constructor(private readonly pages: Pages) {}

  @Get('audit')
  async audit(@Param('locale', LocalePipe) locale: Locale, @Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const { ctx, api } = request;
    const filters = auditFilters(query);
    const errors = auditErrors(ctx, filters);
    const offset = offsetOf(query);
    if (errors.length) {
      return this.pages.send(res, <AuditPage ctx={ctx} filters={filters} events={null} errors={errors} />, 400);
    }
    const { data } = await api.GET('/api/v1/admin/audit-events', {
      params: {
        query: {
          limit: PAGE_SIZE,
          offset,
          ...(filters.actor ? { actorAccountId: filters.actor } : {}),
          ...(filters.action ? { action: filters.action } : {}),
          ...(filters.targetType ? { targetType: filters.targetType } : {}),
          ...(filters.targetId ? { targetId: filters.targetId } : {}),
          ...(filters.from ? { from: `${filters.from}T00:00:00.000Z` } : {}),
          ...(filters.to ? { to: nextDay(filters.to) } : {}),
        },
      },
    });
    if (!data) return this.pages.send(res, <AuditPage ctx={ctx} filters={filters} events={null} errors={[{ field: '_', message: ctx.t('errors.generic') }]} />, 502);
    this.pages.send(res, <AuditPage ctx={ctx} filters={filters} events={data.items} window={data} />);
  }

  @Get('statistics')
  async statistics(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const { ctx, api } = request;
    const [candidates, vacancies] = await Promise.all([
      api.GET('/api/v1/admin/statistics/candidates', { params: { query: { groupBy: 'occupation', top: 10, lang: locale } } }),
      api.GET('/api/v1/admin/statistics/vacancies', { params: { query: { top: 10, lang: locale } } }),
    ]);
    const charts = candidates.data && vacancies.data ? statisticsCharts(ctx, candidates.data, vacancies.data) : null;
    this.pages.send(res, <StatisticsPage ctx={ctx} statistics={charts} />, charts ? 200 : 502);
  }

  @Get('jobs')
  async jobs(@Param('locale', LocalePipe) locale: Locale, @Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const { ctx, api } = request;
    const offset = offsetOf(query);
    const { data } = await api.GET('/api/v1/admin/jobs/failed', { params: { query: { limit: PAGE_SIZE, offset } } });
    const retried = typeof query.retried === 'string' ? query.retried.slice(0, 200) : '';
    const notice = retried ? ctx.t('adminOperations.jobs.retried', { id: retried }) : undefined;
    const warning = query.gone === '1' ? ctx.t('adminOperations.jobs.gone') : undefined;
    this.pages.send(
      res,
      <FailedJobsPage ctx={ctx} jobs={data?.items ?? null} window={data ?? { total: 0, limit: PAGE_SIZE, offset }} notice={notice} warning={warning} />,
      data ? 200 : 503,
    );
  }

  @Post('jobs/retry')
  async retry(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const { ctx, api } = request;
    const queue = field(body, 'queue');
    const id = field(body, 'id');
    const page = Number(field(body, 'page'));
    const back = Number.isInteger(page) && page > 1 ? `&page=${page}` : '';
    const { data } = await api.POST('/api/v1/admin/jobs/failed/{queue}/{id}/retry', {
      params: { path: { queue: queue as never, id } },
    });
    this.pages.redirect(res, ctx, data ? `/admin/jobs?retried=${encodeURIComponent(`${data.name} ${id}`)}${back}` : `/admin/jobs?gone=1${back}`);
  }

  /** The console's link to the queue dashboard, which lives at one address for every language. */
  @Get('queues')
  async queues(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    res.redirect(303, QUEUE_DASHBOARD_ROUTE);
  }

  @Get('duplicates')
  async duplicates(@Param('locale', LocalePipe) locale: Locale, @Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const { ctx, api } = request;
    const offset = offsetOf(query);
    const { data } = await api.GET('/api/v1/admin/candidates/possible-duplicates', { params: { query: { limit: PAGE_SIZE, offset } } });
    this.pages.send(res, <DuplicatesPage ctx={ctx} groups={data?.items ?? null} window={data ?? { total: 0, limit: PAGE_SIZE, offset }} />, data ? 200 : 502);
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function auditFilters(query: Record<string, unknown>): AuditFilters {
  return {
    actor: text(query.actor),
    action: text(query.action),
    targetType: text(query.targetType),
    targetId: text(query.targetId),
    from: text(query.from),
    to: text(query.to),
  };
}

function validDay(value: string): boolean {
  return DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

function auditErrors(ctx: PageContext, filters: AuditFilters): FieldErrors {
  const k = (key: string, values?: Record<string, string | number>) => ctx.t(`adminOperations.audit.${key}`, values);
  const errors: { field: string; message: string }[] = [];
  if (filters.actor && !UUID.test(filters.actor)) errors.push({ field: 'actor', message: k('badActor') });
  if (filters.action && !ACTION.test(filters.action)) errors.push({ field: 'action', message: k('badAction') });
  if (filters.targetType.length > 64) errors.push({ field: 'targetType', message: k('badText', { field: k('targetType'), max: 64 }) });
  if (filters.targetId.length > 128) errors.push({ field: 'targetId', message: k('badText', { field: k('targetId'), max: 128 }) });
  if (filters.from && !validDay(filters.from)) errors.push({ field: 'from', message: k('badDate') });
  if (filters.to && !validDay(filters.to)) errors.push({ field: 'to', message: k('badDate') });
  else if (filters.from && filters.to && validDay(filters.from) && filters.to < filters.from) errors.push({ field: 'to', message: k('badRange') });
  return errors;
}

/** The end of the day the filter names: the API's upper bound is exclusive. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

function offsetOf(query: Record<string, unknown>): number {
  const page = Number(query.page);
  return Number.isInteger(page) && page > 1 && page <= 10_000 ? (page - 1) * PAGE_SIZE : 0;
}

function sortedBars(counts: Record<string, number>, label: (key: string) => string): Bar[] {
  return Object.entries(counts)
    .map(([key, value]) => ({ key, label: label(key), value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

function statisticsCharts(ctx: PageContext, candidates: Schemas['CandidateStatisticsResponse'], vacancies: Schemas['VacancyStatisticsResponse']): StatisticsCharts {
  const { t, locale } = ctx;
  // The API documents groups as open objects; their shape is the one of CandidateStatistics (with labels).
  const groups = (candidates.groups ?? []) as unknown as { key: string; label?: string | null; labelLanguage?: string | null; count: number | null }[];
  return {
    generatedAt: candidates.generatedAt,
    candidates: candidates.count,
    vacancies: vacancies.count,
    charts: [
      { id: 'chart-residence', title: t('adminOperations.statistics.byResidence'), bars: sortedBars(candidates.byResidenceCountry, (code) => countryName(locale, code)) },
      {
        id: 'chart-availability',
        title: t('adminOperations.statistics.byAvailability'),
        bars: AVAILABILITY.filter((key) => candidates.byAvailability[key] !== undefined).map((key) => ({
          key,
          label: t(`adminOperations.statistics.availability.${key}`),
          value: candidates.byAvailability[key] ?? 0,
        })),
      },
      {
        id: 'chart-occupations',
        title: t('adminOperations.statistics.byOccupation'),
        bars: groups
          .filter((group) => group.count !== null)
          .map((group) => ({
            key: group.key,
            label: group.label ?? group.key,
            lang: group.labelLanguage && group.labelLanguage !== locale ? group.labelLanguage : undefined,
            value: group.count ?? 0,
          })),
      },
      { id: 'chart-member-states', title: t('adminOperations.statistics.byMemberState'), bars: sortedBars(vacancies.byMemberState, (code) => countryName(locale, code)) },
    ],
  };
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type ApiClient, apiError } from '../../api/web-api';
import type { Locale } from '../../i18n/locales';
import type { FieldErrors } from '../../views/form-errors';
import type { PageContext } from '../../views/page-context';
import { field } from '../form-body';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';
import { signedInRequest } from '../signed-in';
import { reasonErrors, ShortageListFlow } from '../shortage-list/shortage-list.flow';
import type { ShortageScope } from '../shortage-list/shortage-list.views';
import { type DecisionAnswers, EMPLOYER_STATUSES, EmployerPage, type EmployerStatus, NEXT_STATUSES, QueuePage, type StateStatistics, StatisticsPage } from './ncp-views';

/** Employers per page of the queue. */
const QUEUE_PAGE = 50;
const DONE: Record<string, string> = { verified: 'ncp.decision.doneVerified', suspended: 'ncp.decision.doneSuspended', removed: 'ncp.decision.doneRemoved' };

/** The national contact point's console: its Member State's verification queue and statistics. */
@Controller(':locale/ncp')
export class NcpController {
  private readonly shortage: ShortageListFlow;

  constructor(private readonly pages: Pages) {
    this.shortage = new ShortageListFlow(pages);
  }

  /** The verification queue (pending employers first); the other statuses behind the tabs. */
  @Get()
  async queue(@Param('locale', LocalePipe) locale: Locale, @Query('status') status: unknown, @Query('offset') offset: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'ncp');
    if (!request) return;
    const { ctx, api } = request;
    const chosen: EmployerStatus = EMPLOYER_STATUSES.find((option) => option === status) ?? 'pending';
    const from = Math.max(0, Math.floor(Number(offset)) || 0);
    const [memberState, employers] = await Promise.all([
      memberStateOf(api),
      api.GET('/api/v1/employers', { params: { query: { status: chosen, limit: QUEUE_PAGE, offset: from } } }),
    ]);
    const page = employers.data ?? { items: [], total: 0, limit: QUEUE_PAGE, offset: from };
    this.pages.send(res, <QueuePage ctx={ctx} memberState={memberState} status={chosen} employers={page} />);
  }

  @Get('employers/:id')
  async employer(@Param('locale', LocalePipe) locale: Locale, @Param('id', ParseUUIDPipe) id: string, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'ncp');
    if (!request) return;
    const notice = typeof done === 'string' && DONE[done] ? request.ctx.t(DONE[done]) : undefined;
    await this.renderEmployer(res, request.ctx, request.api, id, notice);
  }

  @Post('employers/:id/status')
  async decide(@Param('locale', LocalePipe) locale: Locale, @Param('id', ParseUUIDPipe) id: string, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await signedInRequest(this.pages, req, res, locale, 'ncp');
    if (!request) return;
    const { ctx, api } = request;
    const { t } = ctx;
    const answers: DecisionAnswers = { status: field(body, 'status'), reason: field(body, 'reason') };
    const status = (['verified', 'suspended', 'removed'] as const).find((option) => option === answers.status);
    const errors: FieldErrors = [
      ...(status ? [] : [{ field: 'status', message: t('errors.choose', { field: t('ncp.decision.status') }) }]),
      ...reasonErrors(ctx, answers.reason, 'ncp.decision.reason'),
    ];
    if (errors.length || !status) return this.renderEmployer(res, ctx, api, id, undefined, errors, answers);
    const { response, error } = await api.POST('/api/v1/employers/{id}/status', { params: { path: { id } }, body: { status, reason: answers.reason } });
    if (!response.ok) {
      const message = response.status === 409 ? t('ncp.decision.conflict') : (apiError(error)?.message ?? t('errors.generic'));
      return this.renderEmployer(res, ctx, api, id, undefined, [{ field: '_', message }], answers);
    }
    this.pages.redirect(res, ctx, `/ncp/employers/${id}?done=${status}`);
  }

  /** The Member State's layer of the shortage list: its additions, its removals of EU entries. */
  @Get('shortage-list')
  async shortageList(@Param('locale', LocalePipe) locale: Locale, @Query('q') q: unknown, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'ncp');
    if (!request) return;
    await this.shortage.show(res, request.ctx, request.api, await scopeOf(request.api), q, done);
  }

  @Post('shortage-list/entries')
  async addEntry(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await signedInRequest(this.pages, req, res, locale, 'ncp');
    if (!request) return;
    await this.shortage.add(res, request.ctx, request.api, await scopeOf(request.api), body);
  }

  @Get('shortage-list/entries/:entryId/withdraw')
  async confirmWithdraw(@Param('locale', LocalePipe) locale: Locale, @Param('entryId', ParseUUIDPipe) entryId: string, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'ncp');
    if (!request) return;
    await this.shortage.confirmWithdraw(res, request.ctx, request.api, await scopeOf(request.api), entryId);
  }

  @Post('shortage-list/entries/:entryId/withdraw')
  async withdraw(@Param('locale', LocalePipe) locale: Locale, @Param('entryId', ParseUUIDPipe) entryId: string, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await signedInRequest(this.pages, req, res, locale, 'ncp');
    if (!request) return;
    await this.shortage.withdraw(res, request.ctx, request.api, await scopeOf(request.api), entryId, body);
  }

  @Get('statistics')
  async statistics(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'ncp');
    if (!request) return;
    const { ctx, api } = request;
    const memberState = await memberStateOf(api);
    const [counts, vacancies, placements] = await Promise.all([
      Promise.all(EMPLOYER_STATUSES.map(async (status) => (await api.GET('/api/v1/employers', { params: { query: { status, limit: 1 } } })).data?.total ?? 0)),
      api.GET('/api/v1/statistics/vacancies', { params: { query: { lang: locale, top: 50 } } }),
      api.GET('/api/v1/statistics/placements'),
    ]);
    const occupations = ((vacancies.data?.occupations ?? []) as unknown as VacancyOccupation[])
      .map((occupation) => ({ label: occupation.label ?? occupation.occupationUri, lang: occupation.labelLanguage ?? undefined, count: occupation.byMemberState?.[memberState] ?? 0 }))
      .filter((occupation) => occupation.count > 0)
      .sort((a, b) => b.count - a.count);
    const statistics: StateStatistics = {
      employers: Object.fromEntries(EMPLOYER_STATUSES.map((status, index) => [status, counts[index]])) as Record<EmployerStatus, number>,
      vacancies: vacancies.data?.byMemberState[memberState] ?? null,
      occupations,
      placements: placements.data?.byMemberState[memberState] ?? null,
      roundedTo: vacancies.data?.roundedTo ?? null,
    };
    this.pages.send(res, <StatisticsPage ctx={ctx} memberState={memberState} statistics={statistics} />);
  }

  private async renderEmployer(res: Response, ctx: PageContext, api: ApiClient, id: string, notice?: string, errors?: FieldErrors, answers?: DecisionAnswers) {
    const { data: employer } = await api.GET('/api/v1/employers/{id}', { params: { path: { id } } });
    if (!employer) return this.pages.redirect(res, ctx, '/ncp');
    const keep = answers && NEXT_STATUSES[employer.status].some((status) => status === answers.status) ? answers : answers && { ...answers, status: '' };
    this.pages.send(res, <EmployerPage ctx={ctx} employer={employer} notice={notice} errors={errors} answers={keep} />, errors ? 400 : 200);
  }
}

interface VacancyOccupation {
  occupationUri: string;
  label: string | null;
  labelLanguage: string | null;
  byMemberState?: Record<string, number>;
}

async function scopeOf(api: ApiClient): Promise<ShortageScope> {
  return { layer: 'member_state', memberState: await memberStateOf(api), base: '/ncp/shortage-list' };
}

/** The Member State the signed-in national contact point answers for. */
export async function memberStateOf(api: ApiClient): Promise<string> {
  const { data } = await api.GET('/api/v1/me');
  return data?.memberState ?? '';
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type ApiClient, apiError } from '../../api/web-api';
import { escoLanguage, type Locale } from '../../i18n/locales';
import type { FieldErrors } from '../../views/form-errors';
import type { PageContext } from '../../views/page-context';
import { field } from '../form-body';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';
import { doneNotice, employerRequest, queryText } from './employer-session';
import { EMPLOYER_STAGES, MATCH_STATUSES, MatchesPage, PipelineEntryPage, PipelinePage } from './pipeline.pages';

const REFERENCE = /^[A-Z0-9-]{4,20}$/;
const NOTICES: Record<string, string> = { requested: 'employer.pipeline.requested', sent: 'employer.pipeline.sent', moved: 'employer.pipeline.moved', marked: 'employer.matches.marked' };

type MatchStatus = (typeof MATCH_STATUSES)[number];
type EmployerStage = (typeof EMPLOYER_STAGES)[number];

/** One vacancy's ranked matches, its pipeline of applications and requests by stage, and each conversation. */
@Controller(':locale/employer/vacancies/:id')
export class PipelineController {
  constructor(private readonly pages: Pages) {}

  @Get('matches')
  async matches(@Param('locale', LocalePipe) locale: Locale, @Param('id', ParseUUIDPipe) id: string, @Query('status') status: unknown, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const vacancy = await this.vacancy(api, id);
    if (!vacancy) return this.pages.redirect(res, ctx, '/employer/vacancies');
    const filter = queryText(status) as MatchStatus;
    const known = MATCH_STATUSES.includes(filter) ? filter : undefined;
    const { data } = await api.GET('/api/v1/vacancies/{id}/matches', { params: { path: { id }, query: { lang: escoLanguage(locale), limit: 50, ...(known ? { status: known } : {}) } } });
    this.pages.send(res, <MatchesPage ctx={ctx} vacancy={vacancy} matches={data ?? null} status={known ?? ''} notice={doneNotice(ctx, NOTICES, done)} />);
  }

  @Post('matches/:referenceCode/status')
  async mark(@Param('locale', LocalePipe) locale: Locale, @Param('id', ParseUUIDPipe) id: string, @Param('referenceCode') referenceCode: string, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const status = field(body, 'status') as MatchStatus;
    if (MATCH_STATUSES.includes(status) && REFERENCE.test(referenceCode)) {
      await request.api.PUT('/api/v1/vacancies/{id}/matches/{referenceCode}/status', { params: { path: { id, referenceCode } }, body: { status } });
    }
    this.pages.redirect(res, request.ctx, `/employer/vacancies/${id}/matches?done=marked`);
  }

  @Get('pipeline')
  async pipeline(@Param('locale', LocalePipe) locale: Locale, @Param('id', ParseUUIDPipe) id: string, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const vacancy = await this.vacancy(api, id);
    if (!vacancy) return this.pages.redirect(res, ctx, '/employer/vacancies');
    const { data } = await api.GET('/api/v1/vacancies/{id}/pipeline', { params: { path: { id }, query: { lang: escoLanguage(locale), limit: 100 } } });
    this.pages.send(res, <PipelinePage ctx={ctx} vacancy={vacancy} entries={data?.items ?? []} notice={doneNotice(ctx, NOTICES, done)} />);
  }

  @Get('pipeline/:referenceCode')
  async entry(@Param('locale', LocalePipe) locale: Locale, @Param('id', ParseUUIDPipe) id: string, @Param('referenceCode') referenceCode: string, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    await this.renderEntry(res, request.ctx, request.api, id, referenceCode, doneNotice(request.ctx, NOTICES, done));
  }

  @Post('pipeline/:referenceCode/:action')
  async act(
    @Param('locale', LocalePipe) locale: Locale,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('referenceCode') referenceCode: string,
    @Param('action') action: string,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: unknown,
  ) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    if (!REFERENCE.test(referenceCode)) return this.pages.redirect(res, ctx, `/employer/vacancies/${id}/pipeline`);
    const path = { params: { path: { id, referenceCode } } };
    const text = field(body, 'body');
    const stage = field(body, 'stage') as EmployerStage;
    if (action === 'messages' && !text) return this.renderEntry(res, ctx, api, id, referenceCode, undefined, [{ field: 'body', message: ctx.t('errors.required', { field: ctx.t('employer.pipeline.message') }) }]);
    const outcome =
      action === 'messages'
        ? await api.POST('/api/v1/vacancies/{id}/pipeline/{referenceCode}/messages', { ...path, body: { body: text } })
        : action === 'stage' && EMPLOYER_STAGES.includes(stage)
          ? await api.PUT('/api/v1/vacancies/{id}/pipeline/{referenceCode}/stage', { ...path, body: { stage, lang: locale } })
          : null;
    if (!outcome) return this.pages.redirect(res, ctx, `/employer/vacancies/${id}/pipeline/${referenceCode}`);
    if (!outcome.response.ok) return this.renderEntry(res, ctx, api, id, referenceCode, undefined, [{ field: '_', message: apiError(outcome.error)?.message ?? ctx.t('errors.generic') }]);
    this.pages.redirect(res, ctx, `/employer/vacancies/${id}/pipeline/${referenceCode}?done=${action === 'messages' ? 'sent' : 'moved'}`);
  }

  private async vacancy(api: ApiClient, id: string) {
    const { data } = await api.GET('/api/v1/vacancies/{id}', { params: { path: { id } } });
    return data ?? null;
  }

  private async renderEntry(res: Response, ctx: PageContext, api: ApiClient, id: string, referenceCode: string, notice?: string, errors?: FieldErrors) {
    const vacancy = await this.vacancy(api, id);
    if (!vacancy || !REFERENCE.test(referenceCode)) return this.pages.redirect(res, ctx, '/employer/vacancies');
    const path = { params: { path: { id, referenceCode } } };
    const entry = await api.GET('/api/v1/vacancies/{id}/pipeline/{referenceCode}', { params: { path: { id, referenceCode }, query: { lang: escoLanguage(ctx.locale) } } });
    if (!entry.data) return this.pages.redirect(res, ctx, `/employer/vacancies/${id}/pipeline`);
    const messages = entry.data.consent === 'granted' ? ((await api.GET('/api/v1/vacancies/{id}/pipeline/{referenceCode}/messages', path)).data?.items ?? []) : [];
    this.pages.send(res, <PipelineEntryPage ctx={ctx} vacancy={vacancy} entry={entry.data} messages={messages} notice={notice} errors={errors} />, errors?.length ? 400 : 200);
  }
}

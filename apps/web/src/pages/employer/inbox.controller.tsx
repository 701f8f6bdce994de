import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { apiError } from '../../api/web-api';
import { escoLanguage, type Locale } from '../../i18n/locales';
import { field } from '../form-body';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';
import { doneNotice, employerRequest } from './employer-session';
import { NotificationsPage, SavedSearchesPage } from './inbox.pages';
import { parseTalentQuery, queryOf, talentSearchBody } from './talent-query';
import { renderTalentSearch } from './talent.controller';

const NOTICES: Record<string, string> = { saved: 'employer.saved.saved', deleted: 'employer.saved.deleted', read: 'employer.notifications.marked' };

/** Saved talent searches, and the notifications of the signed-in employer user. */
@Controller(':locale/employer')
export class InboxController {
  constructor(private readonly pages: Pages) {}

  @Get('saved-searches')
  async searches(@Param('locale', LocalePipe) locale: Locale, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const { data } = await request.api.GET('/api/v1/me/saved-searches', { params: { query: { limit: 100 } } });
    this.pages.send(res, <SavedSearchesPage ctx={request.ctx} searches={(data?.items ?? []).filter((search) => search.kind === 'talent')} notice={doneNotice(request.ctx, NOTICES, done)} />);
  }

  @Post('saved-searches')
  async save(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const state = parseTalentQuery(queryOf(field(body, 'query')));
    const name = field(body, 'name').slice(0, 100);
    if (!name) return renderTalentSearch(this.pages, res, ctx, api, state, [{ field: 'name', message: ctx.t('errors.required', { field: ctx.t('employer.saved.name') }) }]);
    const { response, error } = await api.POST('/api/v1/me/saved-searches/talent', { body: { name, query: talentSearchBody({ ...state, offset: 0 }, escoLanguage(locale)) } });
    if (!response.ok) return renderTalentSearch(this.pages, res, ctx, api, state, [{ field: '_', message: apiError(error)?.message ?? ctx.t('errors.generic') }]);
    this.pages.redirect(res, ctx, '/employer/saved-searches?done=saved');
  }

  @Post('saved-searches/:savedSearchId/delete')
  async remove(@Param('locale', LocalePipe) locale: Locale, @Param('savedSearchId', ParseUUIDPipe) savedSearchId: string, @Req() req: Request, @Res() res: Response) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    await request.api.DELETE('/api/v1/me/saved-searches/{savedSearchId}', { params: { path: { savedSearchId } } });
    this.pages.redirect(res, request.ctx, '/employer/saved-searches?done=deleted');
  }

  @Get('notifications')
  async notifications(@Param('locale', LocalePipe) locale: Locale, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const { data } = await request.api.GET('/api/v1/me/notifications', { params: { query: { limit: 50 } } });
    this.pages.send(res, <NotificationsPage ctx={request.ctx} notifications={data?.items ?? []} notice={doneNotice(request.ctx, NOTICES, done)} />);
  }

  @Post('notifications/read')
  async readAll(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    await request.api.POST('/api/v1/me/notifications/read');
    this.pages.redirect(res, request.ctx, '/employer/notifications?done=read');
  }

  @Post('notifications/:notificationId/read')
  async read(@Param('locale', LocalePipe) locale: Locale, @Param('notificationId', ParseUUIDPipe) notificationId: string, @Req() req: Request, @Res() res: Response) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    await request.api.POST('/api/v1/me/notifications/{notificationId}/read', { params: { path: { notificationId } } });
    this.pages.redirect(res, request.ctx, '/employer/notifications?done=read');
  }
}

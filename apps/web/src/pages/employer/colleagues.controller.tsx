import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type ApiClient, apiError } from '../../api/web-api';
import type { Locale } from '../../i18n/locales';
import type { FieldErrors } from '../../views/form-errors';
import type { PageContext } from '../../views/page-context';
import { field } from '../form-body';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';
import { COLLEAGUE_ROLES, ColleaguesPage } from './colleagues.page';
import { doneNotice, employerRequest } from './employer-session';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NOTICES: Record<string, string> = { invited: 'employer.colleagues.done_invited', changed: 'employer.colleagues.done_changed', removed: 'employer.colleagues.done_removed' };

type Role = (typeof COLLEAGUE_ROLES)[number];

/** The organisation's users: everyone sees the list; organisation administrators invite, change roles, remove. */
@Controller(':locale/employer/colleagues')
export class ColleaguesController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async list(@Param('locale', LocalePipe) locale: Locale, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    await this.render(res, request.ctx, request.api, doneNotice(request.ctx, NOTICES, done));
  }

  @Post()
  async invite(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const email = field(body, 'email');
    const role = field(body, 'role') as Role;
    if (!EMAIL.test(email)) return this.render(res, ctx, api, undefined, [{ field: 'email', message: ctx.t('errors.invalid', { field: ctx.t('employer.colleagues.email') }) }], email);
    const { response, error } = await api.POST('/api/v1/employers/me/colleagues', { body: { email, role: COLLEAGUE_ROLES.includes(role) ? role : 'recruiter' } });
    if (!response.ok) {
      const message = response.status === 409 ? ctx.t('employer.colleagues.taken') : this.reason(ctx, response.status, apiError(error)?.message);
      return this.render(res, ctx, api, undefined, [{ field: response.status === 409 ? 'email' : '_', message }], email);
    }
    this.pages.redirect(res, ctx, '/employer/colleagues?done=invited');
  }

  @Post(':accountId/:action')
  async change(
    @Param('locale', LocalePipe) locale: Locale,
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('action') action: string,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: unknown,
  ) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const path = { params: { path: { accountId } } };
    const role = field(body, 'role') as Role;
    const outcome =
      action === 'role' && COLLEAGUE_ROLES.includes(role)
        ? await api.PUT('/api/v1/employers/me/colleagues/{accountId}/role', { ...path, body: { role } })
        : action === 'remove'
          ? await api.DELETE('/api/v1/employers/me/colleagues/{accountId}', path)
          : null;
    if (!outcome) return this.pages.redirect(res, ctx, '/employer/colleagues');
    if (!outcome.response.ok) return this.render(res, ctx, api, undefined, [{ field: '_', message: this.reason(ctx, outcome.response.status, apiError(outcome.error)?.message) }]);
    this.pages.redirect(res, ctx, `/employer/colleagues?done=${action === 'role' ? 'changed' : 'removed'}`);
  }

  private reason(ctx: PageContext, status: number, message?: string): string {
    if (status === 403) return ctx.t('employer.colleagues.adminOnly');
    if (status === 409) return ctx.t('employer.colleagues.lastAdmin');
    return message ?? ctx.t('errors.generic');
  }

  private async render(res: Response, ctx: PageContext, api: ApiClient, notice?: string, errors?: FieldErrors, email?: string) {
    const [me, list] = await Promise.all([api.GET('/api/v1/me'), api.GET('/api/v1/employers/me/colleagues', { params: { query: { limit: 100 } } })]);
    this.pages.send(
      res,
      <ColleaguesPage ctx={ctx} colleagues={list.data?.items ?? []} me={me.data?.id ?? ''} admin={Boolean(me.data?.isOrganisationAdmin)} notice={notice} errors={errors} email={email} />,
      errors ? 400 : 200,
    );
  }
}

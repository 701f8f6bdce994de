import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type ApiClient, apiError, type Schemas } from '../../api/web-api';
import type { Locale } from '../../i18n/locales';
import type { PageContext } from '../../views/page-context';
import { field } from '../form-body';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';
import { countryOptions } from '../reference-data';
import { AccountPage, ContactPage, ContactsPage, JobsPage, MatchesPage, VacancyPage } from './activity-views';
import { candidateRequest } from './candidate-session';
import { conceptLanguage } from './esco';

const NOTICES: Record<string, string> = {
  applied: 'jobs.applied',
  accepted: 'contacts.accepted',
  declined: 'contacts.declined',
  withdrawn: 'contacts.withdrawn',
  sent: 'contacts.sent',
  renewed: 'account.renewed',
  paused: 'account.paused',
  available: 'account.resumed',
};

/** Matches, job search and vacancies, applications and contact requests, and the account's rights. */
@Controller(':locale')
export class ActivityController {
  constructor(private readonly pages: Pages) {}

  @Get('candidate/matches')
  async matches(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const lang = conceptLanguage(locale, (await api.GET('/api/v1/candidates/me')).data);
    const [matches, improvements] = await Promise.all([
      api.GET('/api/v1/candidates/me/matches', { params: { query: { lang, limit: 50 } } }),
      api.GET('/api/v1/candidates/me/matches/improvements', { params: { query: { lang } } }),
    ]);
    const page = matches.data ?? { items: [], total: 0, limit: 50, offset: 0, notice: '' };
    this.pages.send(res, <MatchesPage ctx={ctx} matches={page} improvements={improvements.data ?? null} />);
  }

  @Get('jobs')
  async jobs(@Param('locale', LocalePipe) locale: Locale, @Query('q') q: unknown, @Query('country') country: unknown, @Req() req: Request, @Res() res: Response) {
    const { ctx } = await this.pages.open(req, res, locale);
    const api = this.pages.anonymous(req);
    const text = typeof q === 'string' ? q.trim().slice(0, 200) : '';
    const memberState = typeof country === 'string' && /^[A-Z]{2}$/.test(country) ? country : '';
    const [result, states] = await Promise.all([
      api.GET('/api/v1/search/jobs', { params: { query: { ...(text ? { text } : {}), ...(memberState ? { memberStates: [memberState] } : {}), limit: 20 } } }),
      api.GET('/api/v1/reference/member-states', { params: { query: { participating: true } } }),
    ]);
    const memberStates = countryOptions(locale, (states.data ?? []).map((state) => ({ code: state.countryCode, euMember: true })));
    this.pages.send(res, <JobsPage ctx={ctx} filters={{ text, memberState }} result={result.data ?? null} memberStates={memberStates} />);
  }

  @Get('jobs/:id')
  async vacancy(@Param('locale', LocalePipe) locale: Locale, @Param('id', ParseUUIDPipe) id: string, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const { ctx, session } = await this.pages.open(req, res, locale);
    const api = await this.pages.authenticated(req, session);
    await this.renderVacancy(res, { ...ctx, signedIn: Boolean(api) }, api ?? this.pages.anonymous(req), Boolean(api), id, typeof done === 'string' ? NOTICES[done] : undefined);
  }

  @Post('jobs/:id/apply')
  async apply(@Param('locale', LocalePipe) locale: Locale, @Param('id', ParseUUIDPipe) id: string, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    if (field(body, 'consent') !== 'yes') {
      return this.renderVacancy(res, ctx, api, true, id, undefined, [{ field: 'consent', message: ctx.t('jobs.applyConsentMissing') }]);
    }
    const message = field(body, 'message');
    const { response, error } = await api.POST('/api/v1/candidates/me/applications', {
      body: { vacancyId: id, consentVersion: field(body, 'consentVersion'), lang: locale, shareQualifications: true, shareWorkExperience: true, ...(message ? { message } : {}) },
    });
    if (!response.ok) return this.renderVacancy(res, ctx, api, true, id, undefined, [{ field: '_', message: apiError(error)?.message ?? ctx.t('errors.generic') }]);
    this.pages.redirect(res, ctx, `/jobs/${id}?done=applied`);
  }

  @Get('candidate/contacts')
  async contacts(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const { data } = await request.api.GET('/api/v1/candidates/me/contacts', { params: { query: { limit: 100 } } });
    this.pages.send(res, <ContactsPage ctx={request.ctx} contacts={data ?? { items: [], total: 0, limit: 100, offset: 0 }} />);
  }

  @Get('candidate/contacts/:contactId')
  async contact(@Param('locale', LocalePipe) locale: Locale, @Param('contactId', ParseUUIDPipe) contactId: string, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    await this.renderContact(res, request.ctx, request.api, contactId, typeof done === 'string' ? NOTICES[done] : undefined);
  }

  @Post('candidate/contacts/:contactId/:action')
  async answer(
    @Param('locale', LocalePipe) locale: Locale,
    @Param('contactId', ParseUUIDPipe) contactId: string,
    @Param('action') action: string,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: unknown,
  ) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const params = { params: { path: { contactId } } };
    const consent = { consentVersion: field(body, 'consentVersion'), lang: locale, shareQualifications: true, shareWorkExperience: true };
    const outcome =
      action === 'accept'
        ? await api.POST('/api/v1/candidates/me/contacts/{contactId}/accept', { ...params, body: consent })
        : action === 'decline'
          ? await api.POST('/api/v1/candidates/me/contacts/{contactId}/decline', params)
          : action === 'withdraw'
            ? await api.POST('/api/v1/candidates/me/contacts/{contactId}/withdraw', params)
            : action === 'messages' && field(body, 'body')
              ? await api.POST('/api/v1/candidates/me/contacts/{contactId}/messages', { ...params, body: { body: field(body, 'body') } })
              : null;
    if (!outcome?.response.ok) {
      const message = outcome ? (apiError(outcome.error)?.message ?? ctx.t('errors.generic')) : ctx.t('errors.required', { field: ctx.t('contacts.message') });
      return this.renderContact(res, ctx, api, contactId, undefined, [{ field: outcome ? '_' : 'body', message }]);
    }
    const done = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn', messages: 'sent' }[action];
    this.pages.redirect(res, ctx, `/candidate/contacts/${contactId}?done=${done}`);
  }

  @Get('candidate/account')
  async account(@Param('locale', LocalePipe) locale: Locale, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const { data } = await request.api.GET('/api/v1/candidates/me');
    const notice = typeof done === 'string' && NOTICES[done] ? request.ctx.t(NOTICES[done]) : undefined;
    this.pages.send(res, <AccountPage ctx={request.ctx} profile={data ?? null} notice={notice} />);
  }

  @Post('candidate/account/renew')
  async renew(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const { response } = await request.api.POST('/api/v1/candidates/me/renew');
    this.pages.redirect(res, request.ctx, response.ok ? '/candidate/account?done=renewed' : '/candidate/account');
  }

  @Post('candidate/account/availability')
  async availability(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const availability = field(body, 'availability') === 'paused' ? 'paused' : 'available';
    const { response } = await request.api.PATCH('/api/v1/candidates/me', { body: { availability } });
    this.pages.redirect(res, request.ctx, response.ok ? `/candidate/account?done=${availability}` : '/candidate/account');
  }

  /** The API's export, handed over as a file. */
  @Get('candidate/account/export')
  async export(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const { data } = await request.api.GET('/api/v1/candidates/me/export');
    res
      .status(200)
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Content-Disposition', 'attachment; filename="eu-talent-pool-export.json"')
      .json(data ?? {});
  }

  @Post('candidate/account/erase')
  async erase(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const { ctx, session } = await this.pages.open(req, res, locale);
    const api = await this.pages.authenticated(req, session);
    if (!api) return this.pages.redirect(res, ctx, '/sign-in');
    if (field(body, 'confirm') !== 'yes') {
      const profile = (await api.GET('/api/v1/candidates/me')).data ?? null;
      const errors = [{ field: 'confirm', message: ctx.t('account.eraseConfirmMissing') }];
      return this.pages.send(res, <AccountPage ctx={{ ...ctx, signedIn: true }} profile={profile} errors={errors} />, 400);
    }
    const { response } = await api.POST('/api/v1/candidates/me/erase', { body: { confirmation: 'ERASE MY ACCOUNT' } });
    if (!response.ok) return this.pages.redirect(res, ctx, '/candidate/account');
    await this.pages.signOut(req, res, session);
    this.pages.redirect(res, ctx, '/sign-in?erased=1');
  }

  private async renderVacancy(res: Response, ctx: PageContext, api: ApiClient, candidate: boolean, id: string, notice?: string, errors?: { field: string; message: string }[]) {
    const { data: vacancy } = await api.GET('/api/v1/jobs/{id}', { params: { path: { id }, query: { lang: ctx.locale } } });
    if (!vacancy) return this.pages.send(res, <ContactsPage ctx={ctx} contacts={{ items: [], total: 0, limit: 1, offset: 0 }} />, 404);
    const terms = candidate
      ? ((await api.GET('/api/v1/candidates/me/applications/terms/{vacancyId}', { params: { path: { vacancyId: id }, query: { lang: ctx.locale, shareQualifications: true, shareWorkExperience: true } } })).data ?? null)
      : null;
    this.pages.send(res, <VacancyPage ctx={ctx} vacancy={vacancy} terms={terms} notice={notice ? ctx.t(notice) : undefined} errors={errors} />, errors ? 400 : 200);
  }

  private async renderContact(res: Response, ctx: PageContext, api: ApiClient, contactId: string, notice?: string, errors?: { field: string; message: string }[]) {
    const params = { params: { path: { contactId } } };
    const [contact, messages] = await Promise.all([
      api.GET('/api/v1/candidates/me/contacts/{contactId}', params),
      api.GET('/api/v1/candidates/me/contacts/{contactId}/messages', params),
    ]);
    if (!contact.data) return this.pages.redirect(res, ctx, '/candidate/contacts');
    const items: Schemas['MessageResponse'][] = messages.data?.items ?? [];
    this.pages.send(res, <ContactPage ctx={ctx} contact={contact.data} messages={items} notice={notice ? ctx.t(notice) : undefined} errors={errors} />, errors ? 400 : 200);
  }
}

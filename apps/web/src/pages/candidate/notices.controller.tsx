import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type ApiClient, apiError, type Schemas } from '../../api/web-api';
import { isLocale, type Locale } from '../../i18n/locales';
import type { FieldErrors } from '../../views/form-errors';
import type { PageContext } from '../../views/page-context';
import { field } from '../form-body';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';
import { candidateRequest } from './candidate-session';
import { CANDIDATE_KINDS, CHANNELS, ConsentsPage, NotificationsPage, type NotificationsView, pagingOf, type ReceiptRow } from './notices-views';

const PAGE_SIZE = 20;
const NOTICES: Record<string, string> = {
  read: 'notices.markedRead',
  'read-all': 'notices.allMarkedRead',
  saved: 'notices.preferencesSaved',
  withdrawn: 'notices.receipts.withdrawnNotice',
};

/** `?page=` as a page number (1 when absent or not a number). */
function pageNumber(value: unknown): number {
  const page = typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : 1;
  return Math.max(1, page);
}

function noticeOf(ctx: PageContext, done: unknown): string | undefined {
  return typeof done === 'string' && NOTICES[done] ? ctx.t(NOTICES[done]) : undefined;
}

/** The list address a form came from (its filter and page travel in hidden fields). */
function listAddress(body: unknown, done: string): string {
  const unread = field(body, 'back_unread') === '1' ? '&unread=1' : '';
  const page = pageNumber(field(body, 'back_page'));
  return `/candidate/notifications?done=${done}${unread}${page > 1 ? `&page=${page}` : ''}`;
}

/** The candidate's notification centre and preferences, and the receipts of the consents they gave. */
@Controller(':locale/candidate')
export class NoticesController {
  constructor(private readonly pages: Pages) {}

  @Get('notifications')
  async notifications(
    @Param('locale', LocalePipe) locale: Locale,
    @Query('unread') unread: unknown,
    @Query('page') page: unknown,
    @Query('done') done: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const unreadOnly = unread === '1';
    await this.renderNotifications(res, request.ctx, request.api, { unreadOnly, page: pageNumber(page), notice: noticeOf(request.ctx, done) });
  }

  @Post('notifications/read')
  async readAll(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const { response } = await request.api.POST('/api/v1/me/notifications/read');
    this.pages.redirect(res, request.ctx, response.ok ? listAddress(body, 'read-all') : '/candidate/notifications');
  }

  @Post('notifications/preferences')
  async savePreferences(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const language = field(body, 'language');
    const channels = Object.fromEntries(CANDIDATE_KINDS.map((kind) => [kind, field(body, `channel-${kind}`)]));
    const invalid: FieldErrors = [
      ...(isLocale(language) ? [] : [{ field: 'language', message: ctx.t('errors.choose', { field: ctx.t('notices.mailLanguage') }) }]),
      ...CANDIDATE_KINDS.filter((kind) => !(CHANNELS as readonly string[]).includes(channels[kind])).map((kind) => ({
        field: `channel-${kind}`,
        message: ctx.t('errors.choose', { field: ctx.t(`notices.kinds.${kind}`) }),
      })),
    ];
    let errors = invalid;
    if (!invalid.length) {
      const { response, error } = await api.PUT('/api/v1/me/notification-preferences', {
        body: { language: language as Locale, channels },
      });
      if (response.ok) return this.pages.redirect(res, ctx, '/candidate/notifications?done=saved');
      errors = [{ field: '_', message: apiError(error)?.message ?? ctx.t('errors.generic') }];
    }
    await this.renderNotifications(res, ctx, api, { unreadOnly: false, page: 1, chosen: { language, channels }, errors });
  }

  @Post('notifications/:notificationId/read')
  async read(
    @Param('locale', LocalePipe) locale: Locale,
    @Param('notificationId', ParseUUIDPipe) notificationId: string,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: unknown,
  ) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const { response } = await request.api.POST('/api/v1/me/notifications/{notificationId}/read', { params: { path: { notificationId } } });
    this.pages.redirect(res, request.ctx, response.ok ? listAddress(body, 'read') : '/candidate/notifications');
  }

  @Get('consents')
  async consents(@Param('locale', LocalePipe) locale: Locale, @Query('page') page: unknown, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    await this.renderConsents(res, request.ctx, request.api, pageNumber(page), noticeOf(request.ctx, done));
  }

  @Post('consents/:contactId/withdraw')
  async withdraw(@Param('locale', LocalePipe) locale: Locale, @Param('contactId', ParseUUIDPipe) contactId: string, @Req() req: Request, @Res() res: Response) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const { response, error } = await api.POST('/api/v1/candidates/me/contacts/{contactId}/withdraw', { params: { path: { contactId } } });
    if (response.ok) return this.pages.redirect(res, ctx, '/candidate/consents?done=withdrawn');
    await this.renderConsents(res, ctx, api, 1, undefined, [{ field: '_', message: apiError(error)?.message ?? ctx.t('errors.generic') }]);
  }

  private async renderNotifications(
    res: Response,
    ctx: PageContext,
    api: ApiClient,
    options: { unreadOnly: boolean; page: number; notice?: string; chosen?: NotificationsView['chosen']; errors?: FieldErrors },
  ) {
    const { unreadOnly, page } = options;
    const [list, preferences] = await Promise.all([
      api.GET('/api/v1/me/notifications', {
        params: { query: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, ...(unreadOnly ? { unread: true } : {}) } },
      }),
      api.GET('/api/v1/me/notification-preferences'),
    ]);
    const total = list.data?.total ?? 0;
    const link = (n: number) => `/${ctx.locale}/candidate/notifications?${unreadOnly ? 'unread=1&' : ''}page=${n}`;
    const view: NotificationsView = {
      list: list.data?.items ?? [],
      total,
      unreadOnly,
      paging: pagingOf(total, PAGE_SIZE, page, link),
      preferences: preferences.data ?? null,
      chosen: options.chosen,
      notice: options.notice,
      errors: options.errors,
    };
    this.pages.send(res, <NotificationsPage ctx={ctx} view={view} />, options.errors ? 400 : 200);
  }

  private async renderConsents(res: Response, ctx: PageContext, api: ApiClient, page: number, notice?: string, errors?: FieldErrors) {
    const [receipts, contacts] = await Promise.all([
      api.GET('/api/v1/candidates/me/consent-receipts', { params: { query: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } } }),
      allContacts(api),
    ]);
    const byId = new Map(contacts.map((contact) => [contact.contactId, contact]));
    const rows: ReceiptRow[] = (receipts.data?.items ?? []).map((receipt) => {
      const contact = receipt.contactId ? byId.get(receipt.contactId) : undefined;
      return {
        receipt,
        employer: contact?.employer.legalName ?? null,
        vacancy: contact?.vacancy.title ?? null,
        withdrawable: receipt.event === 'granted' && contact?.consent === 'granted' ? contact.contactId : null,
      };
    });
    const total = receipts.data?.total ?? 0;
    const paging = pagingOf(total, PAGE_SIZE, page, (n) => `/${ctx.locale}/candidate/consents?page=${n}`);
    this.pages.send(res, <ConsentsPage ctx={ctx} rows={rows} total={total} paging={paging} notice={notice} errors={errors} />, errors ? 400 : 200);
  }
}

/** Every contact of the candidate (a handful in practice), to name the employer and vacancy of each receipt. */
async function allContacts(api: ApiClient): Promise<Schemas['CandidateContactResponse'][]> {
  const limit = 100;
  const contacts: Schemas['CandidateContactResponse'][] = [];
  for (let offset = 0; offset < 1000; offset += limit) {
    const { data } = await api.GET('/api/v1/candidates/me/contacts', { params: { query: { limit, offset } } });
    contacts.push(...(data?.items ?? []));
    if (!data || offset + limit >= data.total) break;
  }
  return contacts;
}

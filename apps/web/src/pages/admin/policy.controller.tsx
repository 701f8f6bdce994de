import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type ApiClient, apiError, readAllPages, type Schemas } from '../../api/web-api';
import type { Locale } from '../../i18n/locales';
import { ISO_DAY, today } from '../../views/console';
import type { FieldErrors } from '../../views/form-errors';
import type { PageContext } from '../../views/page-context';
import { field, fields } from '../form-body';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';
import { countryList, countryOptions } from '../reference-data';
import { signedInRequest } from '../signed-in';
import { reasonErrors, ShortageListFlow } from '../shortage-list/shortage-list.flow';
import type { ShortageScope } from '../shortage-list/shortage-list.views';
import {
  answersOf,
  ENTITY_TYPES,
  type EntityType,
  ImpactPreviewPage,
  InviteNcpPage,
  MemberStatesPage,
  PARTNER_STATUSES,
  PartnerCountriesPage,
  PartnerCountryPage,
  type ParticipationAnswers,
  ParticipationPage,
  ParticipationReviewPage,
  type PartnerStatus,
  type ProposalAnswers,
} from './policy-views';

const EU_SHORTAGE: ShortageScope = { layer: 'eu', base: '/admin/shortage-list' };
const COUNTRY = /^[A-Z]{2}$/;

/**
 * The administrator's policy pages: partner-country statuses (previewed before they are applied),
 * the EU shortage list, Member State participation and the invitation of national contact points.
 */
@Controller(':locale/admin')
export class PolicyController {
  private readonly shortage: ShortageListFlow;

  constructor(private readonly pages: Pages) {
    this.shortage = new ShortageListFlow(pages);
  }

  @Get('partner-countries')
  async partnerCountries(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const { ctx, api } = request;
    const [partners, countries] = await Promise.all([partnerCountries(api), countryList(api)]);
    const choices = countryOptions(locale, countries, (country) => !country.euMember);
    this.pages.send(res, <PartnerCountriesPage ctx={ctx} countries={partners} choices={choices} />);
  }

  /** The "another country" form: a GET that leads to the country's page. */
  @Get('partner-countries/choose')
  async choose(@Param('locale', LocalePipe) locale: Locale, @Query('country') country: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const code = typeof country === 'string' ? country.toUpperCase() : '';
    this.pages.redirect(res, request.ctx, COUNTRY.test(code) ? `/admin/partner-countries/${code}` : '/admin/partner-countries');
  }

  @Get('partner-countries/:code')
  async partnerCountry(@Param('locale', LocalePipe) locale: Locale, @Param('code') code: string, @Query('done') done: unknown, @Query('profiles') profiles: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const { t } = request.ctx;
    const count = Number(profiles);
    const notice = done === 'applied' ? t('admin.partners.applied', { count: Number.isInteger(count) ? count : 0 }) : done === 'scheduled' ? t('admin.partners.scheduled') : undefined;
    await this.renderCountry(res, request.ctx, request.api, code, { status: '', effectiveFrom: today() }, notice);
  }

  /** Step one → two: the proposal is checked and previewed by the API; nothing changes yet. */
  @Post('partner-countries/:code/preview')
  async preview(@Param('locale', LocalePipe) locale: Locale, @Param('code') code: string, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const { ctx, api } = request;
    const answers: ProposalAnswers = { status: field(body, 'status'), effectiveFrom: field(body, 'effectiveFrom') };
    const errors = proposalErrors(ctx, answers);
    if (errors.length) return this.renderCountry(res, ctx, api, code, answers, undefined, errors);
    await this.renderPreview(res, ctx, api, code, answers);
  }

  /** Step three: the change as previewed, with the reason the API keeps. */
  @Post('partner-countries/:code/status')
  async applyStatus(@Param('locale', LocalePipe) locale: Locale, @Param('code') code: string, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const { ctx, api } = request;
    const answers: ProposalAnswers = { status: field(body, 'status'), effectiveFrom: field(body, 'effectiveFrom'), reason: field(body, 'reason') };
    const invalid = proposalErrors(ctx, answers);
    if (invalid.length) return this.renderCountry(res, ctx, api, code, answers, undefined, invalid);
    const errors = reasonErrors(ctx, answers.reason ?? '', 'admin.preview.reason');
    if (errors.length) return this.renderPreview(res, ctx, api, code, answers, errors);
    const { data, error } = await api.POST('/api/v1/admin/partner-countries/{countryCode}/status', {
      params: { path: { countryCode: code.toUpperCase() } },
      body: { status: answers.status as PartnerStatus, effectiveFrom: answers.effectiveFrom, reason: answers.reason ?? '' },
    });
    if (!data) return this.renderPreview(res, ctx, api, code, answers, [{ field: '_', message: apiError(error)?.message ?? ctx.t('errors.generic') }]);
    const done = data.applied ? `applied&profiles=${data.applied.profilesAffected}` : 'scheduled';
    this.pages.redirect(res, ctx, `/admin/partner-countries/${data.countryCode}?done=${done}`);
  }

  @Get('shortage-list')
  async shortageList(@Param('locale', LocalePipe) locale: Locale, @Query('q') q: unknown, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    await this.shortage.show(res, request.ctx, request.api, EU_SHORTAGE, q, done);
  }

  @Post('shortage-list/entries')
  async addEntry(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    await this.shortage.add(res, request.ctx, request.api, EU_SHORTAGE, body);
  }

  @Get('shortage-list/entries/:entryId/withdraw')
  async confirmWithdraw(@Param('locale', LocalePipe) locale: Locale, @Param('entryId', ParseUUIDPipe) entryId: string, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    await this.shortage.confirmWithdraw(res, request.ctx, request.api, EU_SHORTAGE, entryId);
  }

  @Post('shortage-list/entries/:entryId/withdraw')
  async withdraw(@Param('locale', LocalePipe) locale: Locale, @Param('entryId', ParseUUIDPipe) entryId: string, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    await this.shortage.withdraw(res, request.ctx, request.api, EU_SHORTAGE, entryId, body);
  }

  @Get('member-states')
  async memberStates(@Param('locale', LocalePipe) locale: Locale, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const { data } = await request.api.GET('/api/v1/reference/member-states');
    const notice = done === 'changed' ? request.ctx.t('admin.states.changed') : undefined;
    this.pages.send(res, <MemberStatesPage ctx={request.ctx} states={data ?? []} notice={notice} />);
  }

  @Get('member-states/:code')
  async memberState(@Param('locale', LocalePipe) locale: Locale, @Param('code') code: string, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const state = await stateOf(request.api, code);
    if (!state) return this.pages.redirect(res, request.ctx, '/admin/member-states');
    this.pages.send(res, <ParticipationPage ctx={request.ctx} state={state} answers={answersOf(state)} />);
  }

  /** Step one → two: the change is checked, then shown beside what is in force for confirmation. */
  @Post('member-states/:code/review')
  async reviewParticipation(@Param('locale', LocalePipe) locale: Locale, @Param('code') code: string, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const { ctx, api } = request;
    const state = await stateOf(api, code);
    if (!state) return this.pages.redirect(res, ctx, '/admin/member-states');
    const answers = participationAnswers(body);
    const errors = participationErrors(ctx, answers);
    if (errors.length) return this.pages.send(res, <ParticipationPage ctx={ctx} state={state} answers={answers} errors={errors} />, 400);
    this.pages.send(res, <ParticipationReviewPage ctx={ctx} state={state} answers={answers} />);
  }

  @Post('member-states/:code')
  async changeParticipation(@Param('locale', LocalePipe) locale: Locale, @Param('code') code: string, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const { ctx, api } = request;
    const state = await stateOf(api, code);
    if (!state) return this.pages.redirect(res, ctx, '/admin/member-states');
    const answers = participationAnswers(body);
    let errors = participationErrors(ctx, answers);
    if (!errors.length) {
      const { response, error } = await api.PUT('/api/v1/admin/member-states/{countryCode}/participation', {
        params: { path: { countryCode: state.countryCode } },
        body: {
          participating: answers.participating === 'yes',
          notificationDate: answers.notificationDate || null,
          participationStartDate: answers.participationStartDate || null,
          withdrawalDate: answers.withdrawalDate || null,
          allowedEntityTypes: answers.allowedEntityTypes as EntityType[],
          reason: answers.reason,
        },
      });
      if (response.ok) return this.pages.redirect(res, ctx, '/admin/member-states?done=changed');
      errors = [{ field: '_', message: apiError(error)?.message ?? ctx.t('errors.generic') }];
    }
    this.pages.send(res, <ParticipationPage ctx={ctx} state={state} answers={answers} errors={errors} />, 400);
  }

  @Get('ncp-invitations')
  async invitations(@Param('locale', LocalePipe) locale: Locale, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const notice = done === 'invited' ? request.ctx.t('admin.invite.done') : undefined;
    this.pages.send(res, <InviteNcpPage ctx={request.ctx} states={await euStates(request.api, locale)} notice={notice} />);
  }

  @Post('ncp-invitations')
  async invite(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    const { ctx, api } = request;
    const { t } = ctx;
    const answers = { email: field(body, 'email'), memberState: field(body, 'memberState') };
    let errors: FieldErrors = [
      ...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(answers.email) ? [] : [{ field: 'email', message: answers.email ? t('errors.invalid', { field: t('admin.invite.email') }) : t('errors.required', { field: t('admin.invite.email') }) }]),
      ...(COUNTRY.test(answers.memberState) ? [] : [{ field: 'memberState', message: t('errors.choose', { field: t('admin.invite.memberState') }) }]),
    ];
    if (!errors.length) {
      const { response, error } = await api.POST('/api/v1/admin/accounts/ncp', { body: answers });
      if (response.ok) return this.pages.redirect(res, ctx, '/admin/ncp-invitations?done=invited');
      errors = [{ field: response.status === 409 ? 'email' : '_', message: response.status === 409 ? t('admin.invite.taken') : (apiError(error)?.message ?? t('errors.generic')) }];
    }
    this.pages.send(res, <InviteNcpPage ctx={ctx} states={await euStates(api, locale)} answers={answers} errors={errors} />, 400);
  }

  private async renderCountry(res: Response, ctx: PageContext, api: ApiClient, code: string, answers: ProposalAnswers, notice?: string, errors?: FieldErrors) {
    const countryCode = code.toUpperCase();
    if (!COUNTRY.test(countryCode)) return this.pages.redirect(res, ctx, '/admin/partner-countries');
    const [countries, history] = await Promise.all([
      partnerCountries(api),
      api.GET('/api/v1/admin/partner-countries/{countryCode}/history', { params: { path: { countryCode }, query: { limit: 100 } } }),
    ]);
    const country = countries.find((item) => item.countryCode === countryCode);
    if (!country) return this.pages.redirect(res, ctx, '/admin/partner-countries');
    const entries = [...(history.data?.items ?? [])].reverse();
    this.pages.send(res, <PartnerCountryPage ctx={ctx} country={country} history={entries} answers={answers} notice={notice} errors={errors} />, errors ? 400 : 200);
  }

  private async renderPreview(res: Response, ctx: PageContext, api: ApiClient, code: string, answers: ProposalAnswers, errors?: FieldErrors) {
    const { data, error } = await api.POST('/api/v1/admin/partner-countries/{countryCode}/impact-preview', {
      params: { path: { countryCode: code.toUpperCase() } },
      body: { status: answers.status as PartnerStatus, effectiveFrom: answers.effectiveFrom },
    });
    if (!data) return this.renderCountry(res, ctx, api, code, answers, undefined, [{ field: '_', message: apiError(error)?.message ?? ctx.t('errors.generic') }]);
    this.pages.send(res, <ImpactPreviewPage ctx={ctx} preview={data} reason={answers.reason} errors={errors} />, errors ? 400 : 200);
  }
}

function proposalErrors(ctx: PageContext, answers: ProposalAnswers): FieldErrors {
  const { t } = ctx;
  return [
    ...(PARTNER_STATUSES.some((status) => status === answers.status) ? [] : [{ field: 'status', message: t('errors.choose', { field: t('admin.partners.newStatus') }) }]),
    ...(ISO_DAY.test(answers.effectiveFrom) ? [] : [{ field: 'effectiveFrom', message: `${t('errors.invalid', { field: t('admin.partners.effectiveFrom') })}. ${t('admin.dateHint')}` }]),
  ];
}

function participationAnswers(body: unknown): ParticipationAnswers {
  return {
    participating: field(body, 'participating'),
    notificationDate: field(body, 'notificationDate'),
    participationStartDate: field(body, 'participationStartDate'),
    withdrawalDate: field(body, 'withdrawalDate'),
    allowedEntityTypes: fields(body, 'allowedEntityTypes').filter((type) => ENTITY_TYPES.some((known) => known === type)),
    reason: field(body, 'reason'),
  };
}

function participationErrors(ctx: PageContext, answers: ParticipationAnswers): FieldErrors {
  const { t } = ctx;
  const day = (name: 'notificationDate' | 'participationStartDate' | 'withdrawalDate', label: string) =>
    !answers[name] || ISO_DAY.test(answers[name]) ? [] : [{ field: name, message: `${t('errors.invalid', { field: t(label) })}. ${t('admin.dateHint')}` }];
  return [
    ...(['yes', 'no'].includes(answers.participating) ? [] : [{ field: 'participating', message: t('errors.choose', { field: t('admin.states.participation') }) }]),
    ...day('notificationDate', 'admin.states.notification'),
    ...day('participationStartDate', 'admin.states.start'),
    ...day('withdrawalDate', 'admin.states.withdrawal'),
    ...reasonErrors(ctx, answers.reason, 'admin.states.reason'),
  ];
}

/** Every third country's status today, read page by page. */
function partnerCountries(api: ApiClient): Promise<Schemas['PartnerCountryResponse'][]> {
  return readAllPages(async (query) => (await api.GET('/api/v1/partner-countries', { params: { query } })).data);
}

async function stateOf(api: ApiClient, code: string) {
  const { data } = await api.GET('/api/v1/reference/member-states');
  return data?.find((state) => state.countryCode === code.toUpperCase());
}

async function euStates(api: ApiClient, locale: Locale) {
  return countryOptions(locale, await countryList(api), (country) => country.euMember);
}

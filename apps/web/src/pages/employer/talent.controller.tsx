import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type ApiClient, apiError } from '../../api/web-api';
import { escoLanguage, type Locale } from '../../i18n/locales';
import type { FieldErrors } from '../../views/form-errors';
import type { PageContext } from '../../views/page-context';
import { labelled } from '../candidate/esco';
import { field } from '../form-body';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';
import { employerRequest } from './employer-session';
import { parseTalentQuery, talentPageSearchBody, talentSearchString, type TalentState } from './talent-query';
import { profileView, TalentProfilePage, TalentSearchPage } from './talent.pages';

const REFERENCE = /^[A-Z0-9-]{4,20}$/;

/** Searching pseudonymised profiles (criteria in the address), and one profile with the contact request form. */
@Controller(':locale/employer/talent')
export class TalentController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async search(@Param('locale', LocalePipe) locale: Locale, @Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const state = parseTalentQuery(query);
    // One address per search: the empty and malformed fields a GET form sends are dropped by a redirect.
    const canonical = talentSearchString(state);
    if ((req.originalUrl.split('?')[1] ?? '') !== canonical) return this.pages.redirect(res, request.ctx, canonical ? `/employer/talent?${canonical}` : '/employer/talent');
    await renderTalentSearch(this.pages, res, request.ctx, request.api, state);
  }

  @Get(':referenceCode')
  async profile(@Param('locale', LocalePipe) locale: Locale, @Param('referenceCode') referenceCode: string, @Req() req: Request, @Res() res: Response) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    await this.renderProfile(res, request.ctx, request.api, referenceCode);
  }

  @Post(':referenceCode/contact')
  async contact(@Param('locale', LocalePipe) locale: Locale, @Param('referenceCode') referenceCode: string, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const vacancyId = field(body, 'vacancyId');
    const message = field(body, 'message');
    const errors = [
      ...(vacancyId ? [] : [{ field: 'vacancyId', message: ctx.t('errors.choose', { field: ctx.t('employer.profile.vacancy') }) }]),
      ...(message ? [] : [{ field: 'message', message: ctx.t('errors.required', { field: ctx.t('employer.profile.message') }) }]),
    ];
    if (errors.length || !REFERENCE.test(referenceCode)) return this.renderProfile(res, ctx, api, referenceCode, errors, message);
    const { response, error } = await api.POST('/api/v1/vacancies/{id}/contact-requests', { params: { path: { id: vacancyId } }, body: { referenceCode, message, lang: locale } });
    if (!response.ok) {
      const reason = response.status === 409 ? ctx.t('employer.profile.alreadyAsked') : response.status === 429 ? ctx.t('employer.profile.limit') : (apiError(error)?.message ?? ctx.t('errors.generic'));
      return this.renderProfile(res, ctx, api, referenceCode, [{ field: '_', message: reason }], message);
    }
    this.pages.redirect(res, ctx, `/employer/vacancies/${vacancyId}/pipeline?done=requested`);
  }

  private async renderProfile(res: Response, ctx: PageContext, api: ApiClient, referenceCode: string, errors?: FieldErrors, message?: string) {
    const lang = escoLanguage(ctx.locale);
    const [profile, vacancies] = await Promise.all([
      REFERENCE.test(referenceCode) ? api.GET('/api/v1/search/talent/profiles/{referenceCode}', { params: { path: { referenceCode }, query: { lang } } }) : null,
      api.GET('/api/v1/vacancies', { params: { query: { limit: 100 } } }),
    ]);
    if (!profile?.data) return this.pages.redirect(res, ctx, '/employer/talent');
    const open = (vacancies.data?.items ?? []).filter((vacancy) => vacancy.status === 'published');
    this.pages.send(res, <TalentProfilePage ctx={ctx} profile={profileView(profile.data)} lang={lang} vacancies={open} errors={errors} message={message} />, errors?.length ? 400 : 200);
  }
}

/** The search page for a state of the address; also the answer to a refused "save this search". */
export async function renderTalentSearch(pages: Pages, res: Response, ctx: PageContext, api: ApiClient, state: TalentState, errors?: FieldErrors, notice?: string) {
  const lang = escoLanguage(ctx.locale);
  const [found, sectors] = await Promise.all([
    api.POST('/api/v1/search/talent', { body: talentPageSearchBody(state, lang) }),
    api.GET('/api/v1/shortage-occupations/sectors'),
  ]);
  const facets = found.data?.facets ?? {};
  const occupationUris = [...new Set([...Object.keys(facets.occupationUris ?? {}), ...state.occupations])].slice(0, 30);
  const occupations = await labelled(api, 'occupations', occupationUris, lang);
  const unavailable = found.data ? undefined : found.response.status === 403 ? ctx.t('employer.talent.unverified') : ctx.t('employer.talent.unavailable');
  pages.send(
    res,
    <TalentSearchPage
      ctx={ctx}
      state={state}
      result={found.data ? { items: found.data.items.map(profileView), total: found.data.total, facets } : null}
      unavailable={unavailable}
      occupations={occupations}
      sectors={Object.fromEntries((sectors.data ?? []).map((sector) => [sector.code, sector.name]))}
      conceptLang={lang}
      notice={notice}
      errors={errors}
    />,
    errors?.length ? 400 : 200,
  );
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type ApiClient, apiError, type ApiError, type Schemas } from '../../api/web-api';
import { escoLanguage, type Locale } from '../../i18n/locales';
import type { FieldErrors } from '../../views/form-errors';
import type { PageContext } from '../../views/page-context';
import { field } from '../form-body';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';
import { countryName } from '../reference-data';
import { labelled, searchConcepts } from '../candidate/esco';
import { doneNotice, employerRequest, employerUser, queryText } from './employer-session';
import { answerErrors, answersFromBody, answersFromVacancy, blankAnswers, currentBody, VACANCY_FIELDS, type VacancyAnswers, vacancyBody } from './vacancy-answers';
import { type EditorState, VacanciesPage, VacancyEditorPage } from './vacancy-editor.page';

type Vacancy = Schemas['VacancyResponse'];
const OCCUPATION = /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/;
const NOTICES: Record<string, string> = { saved: 'employer.vacancy.saved', published: 'employer.vacancy.published', closed: 'employer.vacancy.closed', skills: 'employer.vacancy.skillsSaved' };

interface EditorInput {
  vacancy?: Vacancy;
  answers: VacancyAnswers;
  query?: string;
  skillQuery?: string;
  notice?: string;
  errors?: FieldErrors;
}

/** The organisation's vacancies: the list, the editor (draft, edit, publish) with the shortage check, skills, closing. */
@Controller(':locale/employer/vacancies')
export class VacanciesController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async list(@Param('locale', LocalePipe) locale: Locale, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const { data } = await request.api.GET('/api/v1/vacancies', { params: { query: { limit: 100 } } });
    this.pages.send(res, <VacanciesPage ctx={request.ctx} vacancies={data?.items ?? []} notice={doneNotice(request.ctx, NOTICES, done)} />);
  }

  @Get('new')
  async create(@Param('locale', LocalePipe) locale: Locale, @Query('q') q: unknown, @Query('occupation') occupation: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const user = await employerUser(request.api);
    const answers = blankAnswers(user?.organisation?.contact);
    const chosen = queryText(occupation, 300);
    if (OCCUPATION.test(chosen)) answers.occupationUri = chosen;
    await this.editor(res, request.ctx, request.api, { answers, query: queryText(q, 100) });
  }

  @Post()
  async draft(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const answers = answersFromBody(body);
    const errors = answerErrors(ctx, answers);
    if (errors.length) return this.editor(res, ctx, api, { answers, errors });
    const { data, error, response } = await api.POST('/api/v1/vacancies', { body: vacancyBody(answers) });
    if (!data) return this.editor(res, ctx, api, { answers, errors: refusal(ctx, response.status, apiError(error)) });
    await this.publishOrShow(res, ctx, api, data, answers, field(body, 'then') === 'publish');
  }

  @Get(':id')
  async edit(
    @Param('locale', LocalePipe) locale: Locale,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('q') q: unknown,
    @Query('occupation') occupation: unknown,
    @Query('skill') skill: unknown,
    @Query('done') done: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const vacancy = await this.vacancy(request.api, id);
    if (!vacancy) return this.pages.redirect(res, request.ctx, '/employer/vacancies');
    const answers = answersFromVacancy(vacancy);
    const chosen = queryText(occupation, 300);
    if (OCCUPATION.test(chosen)) answers.occupationUri = chosen;
    await this.editor(res, request.ctx, request.api, { vacancy, answers, query: queryText(q, 100), skillQuery: queryText(skill, 100), notice: doneNotice(request.ctx, NOTICES, done) });
  }

  @Post(':id')
  async save(@Param('locale', LocalePipe) locale: Locale, @Param('id', ParseUUIDPipe) id: string, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const vacancy = await this.vacancy(api, id);
    if (!vacancy) return this.pages.redirect(res, ctx, '/employer/vacancies');
    const answers = answersFromBody(body);
    const errors = answerErrors(ctx, answers);
    if (errors.length) return this.editor(res, ctx, api, { vacancy, answers, errors });
    const { data, error, response } = await api.PUT('/api/v1/vacancies/{id}', { params: { path: { id } }, body: vacancyBody(answers, vacancy.skills, vacancy.languages) });
    if (!data) return this.editor(res, ctx, api, { vacancy, answers, errors: refusal(ctx, response.status, apiError(error)) });
    await this.publishOrShow(res, ctx, api, data, answers, field(body, 'then') === 'publish' && data.status === 'draft');
  }

  @Post(':id/skills')
  async skills(@Param('locale', LocalePipe) locale: Locale, @Param('id', ParseUUIDPipe) id: string, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const vacancy = await this.vacancy(api, id);
    if (!vacancy) return this.pages.redirect(res, ctx, '/employer/vacancies');
    const add = field(body, 'add');
    const remove = field(body, 'remove');
    const skills = vacancy.skills.filter((skill) => skill.uri !== remove && skill.uri !== add);
    if (add) skills.push({ uri: add, requirement: 'essential' });
    const { response, error } = await api.PUT('/api/v1/vacancies/{id}', { params: { path: { id } }, body: { ...currentBody(vacancy), skills } });
    if (!response.ok) return this.editor(res, ctx, api, { vacancy, answers: answersFromVacancy(vacancy), errors: refusal(ctx, response.status, apiError(error)) });
    this.pages.redirect(res, ctx, `/employer/vacancies/${id}?done=skills#skills`);
  }

  @Post(':id/close')
  async close(@Param('locale', LocalePipe) locale: Locale, @Param('id', ParseUUIDPipe) id: string, @Req() req: Request, @Res() res: Response) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const { response } = await request.api.POST('/api/v1/vacancies/{id}/close', { params: { path: { id } } });
    this.pages.redirect(res, request.ctx, response.ok ? '/employer/vacancies?done=closed' : `/employer/vacancies/${id}`);
  }

  /** Publishes when asked; a refusal (the shortage rule, an unverified organisation) is shown on the editor with its reason. */
  private async publishOrShow(res: Response, ctx: PageContext, api: ApiClient, vacancy: Vacancy, answers: VacancyAnswers, publish: boolean) {
    if (!publish) return this.pages.redirect(res, ctx, `/employer/vacancies/${vacancy.id}?done=saved`);
    const { response, error } = await api.POST('/api/v1/vacancies/{id}/publish', { params: { path: { id: vacancy.id } } });
    if (response.ok) return this.pages.redirect(res, ctx, `/employer/vacancies/${vacancy.id}?done=published`);
    await this.editor(res, ctx, api, { vacancy, answers, errors: refusal(ctx, response.status, apiError(error)) });
  }

  private async vacancy(api: ApiClient, id: string): Promise<Vacancy | null> {
    const { data } = await api.GET('/api/v1/vacancies/{id}', { params: { path: { id } } });
    return data ?? null;
  }

  private async editor(res: Response, ctx: PageContext, api: ApiClient, input: EditorInput) {
    const lang = escoLanguage(ctx.locale);
    const user = await employerUser(api);
    const memberState = input.vacancy?.placeOfWork.memberState ?? user?.organisation?.memberState ?? '';
    const uri = input.answers.occupationUri;
    const skillUris = input.vacancy?.skills.map((skill) => skill.uri) ?? [];
    const [occupation, check, results, skills, skillResults, sectors] = await Promise.all([
      uri ? labelled(api, 'occupations', [uri], lang).then(([concept]) => concept) : Promise.resolve(null),
      uri && memberState ? api.GET('/api/v1/shortage-occupations/check', { params: { query: { memberState, occupationUri: uri, lang } } }).then(({ data }) => data ?? null) : Promise.resolve(null),
      searchConcepts(api, 'occupations', input.query ?? '', lang),
      labelled(api, 'skills', skillUris, lang),
      searchConcepts(api, 'skills', input.skillQuery ?? '', lang).then((found) => found.filter((skill) => !skillUris.includes(skill.uri))),
      api.GET('/api/v1/shortage-occupations/sectors').then(({ data }) => Object.fromEntries((data ?? []).map((sector) => [sector.code, sector.name]))),
    ]);
    const state: EditorState = {
      vacancy: input.vacancy,
      answers: input.answers,
      memberState,
      occupation,
      check,
      query: input.query ?? '',
      results,
      skills,
      skillQuery: input.skillQuery ?? '',
      skillResults,
      sectors,
      notice: input.notice,
      errors: input.errors,
    };
    this.pages.send(res, <VacancyEditorPage ctx={ctx} state={state} />, input.errors?.length ? 400 : 200);
  }
}

/** The API's refusal in the editor's words: the shortage rule says why and what to do; field errors land on their fields. */
function refusal(ctx: PageContext, status: number, error: ApiError | undefined): FieldErrors {
  const { t } = ctx;
  const detail = error?.details?.[0] as Record<string, unknown> | undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  if (error?.code === 'OCCUPATION_NOT_IN_SHORTAGE') {
    return [{ field: 'occupationUri', message: t('employer.vacancy.refusedShortage', { state: countryName(ctx.locale, text(detail?.memberState)), date: text(detail?.date) }) }];
  }
  if (error?.code === 'EMPLOYER_NOT_VERIFIED') return [{ field: '_', message: t('employer.vacancy.refusedUnverified') }];
  if (error?.code === 'MEMBER_STATE_NOT_PARTICIPATING') return [{ field: '_', message: t('employer.register.notParticipating') }];
  const named = (error?.details ?? [])
    .map((item) => ({ entry: VACANCY_FIELDS.find(([, , apiName]) => apiName === item.field), reason: item.reason }))
    .filter((item) => item.entry)
    .map(({ entry }) => ({ field: entry![0], message: t('errors.invalid', { field: t(entry![1]) }) }));
  if (named.length) return named;
  return [{ field: '_', message: status === 409 ? t('employer.vacancy.notEditable') : (error?.message ?? t('errors.generic')) }];
}

import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type ApiClient, apiError } from '../../api/web-api';
import type { Locale } from '../../i18n/locales';
import type { FieldErrors } from '../../views/form-errors';
import type { PageContext } from '../../views/page-context';
import { field } from '../form-body';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';
import { countryOptions } from '../reference-data';
import { employerRequest, employerUser } from './employer-session';
import { EmployerHomePage, ENTITY_TYPES, RegisteredPage, RegisterOrganisationPage, type RegistrationAnswers } from './organisation.pages';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The answers' fields with their labels, in page order; the API's field names map onto them. */
const FIELDS: ReadonlyArray<[keyof RegistrationAnswers, string, string]> = [
  ['legalName', 'employer.register.legalName', 'legalName'],
  ['memberState', 'employer.register.memberState', 'memberState'],
  ['entityType', 'employer.register.entityType', 'entityType'],
  ['registrationNumber', 'employer.register.registrationNumber', 'registrationNumber'],
  ['description', 'employer.register.description', 'description'],
  ['contactName', 'employer.register.contactName', 'contact.name'],
  ['contactEmail', 'employer.register.contactEmail', 'contact.email'],
  ['contactPhone', 'employer.register.contactPhone', 'contact.phone'],
];

/** Registering an organisation (public), and the employer's home: its status, then its console. */
@Controller(':locale')
export class OrganisationController {
  constructor(private readonly pages: Pages) {}

  @Get('employers/register')
  async form(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const { ctx } = await this.pages.open(req, res, locale);
    this.pages.send(res, <RegisterOrganisationPage ctx={ctx} memberStates={await this.memberStates(this.pages.anonymous(req), ctx)} />);
  }

  @Post('employers/register')
  async register(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const { ctx } = await this.pages.open(req, res, locale);
    const api = this.pages.anonymous(req);
    const answers = Object.fromEntries(FIELDS.map(([name]) => [name, field(body, name)])) as unknown as RegistrationAnswers;
    let errors = registrationErrors(ctx, answers);
    if (!errors.length) {
      const { response, error } = await api.POST('/api/v1/employers', {
        body: {
          legalName: answers.legalName,
          memberState: answers.memberState,
          entityType: answers.entityType as (typeof ENTITY_TYPES)[number],
          registrationNumber: answers.registrationNumber,
          description: answers.description,
          contact: { name: answers.contactName, email: answers.contactEmail, ...(answers.contactPhone ? { phone: answers.contactPhone } : {}) },
        },
      });
      if (response.ok) return this.pages.send(res, <RegisteredPage ctx={ctx} email={answers.contactEmail} />);
      errors = refusal(ctx, response.status, apiError(error));
    }
    this.pages.send(res, <RegisterOrganisationPage ctx={ctx} memberStates={await this.memberStates(api, ctx)} answers={answers} errors={errors} />, 400);
  }

  @Get('employer')
  async home(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const request = await employerRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const user = await employerUser(api);
    if (!user) return this.pages.redirect(res, ctx, '/sign-in');
    const unread = user.organisation?.status === 'verified' ? ((await api.GET('/api/v1/me/notifications', { params: { query: { unread: true, limit: 1 } } })).data?.total ?? 0) : 0;
    this.pages.send(res, <EmployerHomePage ctx={ctx} user={user} unread={unread} />);
  }

  private async memberStates(api: ApiClient, ctx: PageContext) {
    const { data } = await api.GET('/api/v1/reference/member-states', { params: { query: { participating: true } } });
    return countryOptions(ctx.locale, (data ?? []).map((state) => ({ code: state.countryCode, euMember: true })));
  }
}

function registrationErrors(ctx: PageContext, answers: RegistrationAnswers): FieldErrors {
  const { t } = ctx;
  const errors: Array<{ field: string; message: string }> = [];
  for (const [name, label] of FIELDS) {
    if (name === 'contactPhone') continue;
    const value = answers[name];
    const kind = name === 'memberState' || name === 'entityType' ? 'choose' : 'required';
    if (!value) errors.push({ field: name, message: t(`errors.${kind}`, { field: t(label) }) });
    else if (name === 'entityType' && !(ENTITY_TYPES as readonly string[]).includes(value)) errors.push({ field: name, message: t('errors.choose', { field: t(label) }) });
    else if (name === 'contactEmail' && !EMAIL.test(value)) errors.push({ field: name, message: t('errors.invalid', { field: t(label) }) });
    else if (name === 'description' && value.length < 20) errors.push({ field: name, message: t('employer.register.descriptionShort') });
  }
  return errors;
}

/** The API's refusal, on the fields it names, or with its reason in words. */
function refusal(ctx: PageContext, status: number, error: ReturnType<typeof apiError>): FieldErrors {
  const { t } = ctx;
  if (status === 403) return [{ field: 'registrationNumber', message: t('employer.register.excluded') }];
  if (error?.code === 'MEMBER_STATE_NOT_PARTICIPATING') return [{ field: 'memberState', message: t('employer.register.notParticipating') }];
  if (error?.code === 'ENTITY_TYPE_NOT_ALLOWED') return [{ field: 'entityType', message: t('employer.register.entityNotAllowed') }];
  if (status === 429) return [{ field: '_', message: t('errors.tooMany') }];
  const named = (error?.details ?? [])
    .map((detail) => FIELDS.find(([, , apiName]) => apiName === detail.field))
    .filter((entry): entry is (typeof FIELDS)[number] => Boolean(entry))
    .map(([name, label]) => ({ field: name, message: t('errors.invalid', { field: t(label) }) }));
  return named.length ? named : [{ field: '_', message: error?.message ?? t('errors.generic') }];
}

import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type ApiClient, apiError, type Schemas } from '../../api/web-api';
import type { Locale } from '../../i18n/locales';
import type { FieldErrors } from '../../views/form-errors';
import type { PageContext } from '../../views/page-context';
import { field, fields } from '../form-body';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';
import { countryList, countryOptions, languageName } from '../reference-data';
import { candidateRequest } from './candidate-session';
import { conceptLanguage, labelled, searchConcepts } from './esco';
import { type AboutAnswers, AboutYouPage, ConceptSearch, DashboardPage, PickedConcepts, STEPS, WizardFrame } from './profile-views';
import { ContinueForm, EducationStep, LanguagesStep, PreferencesStep } from './wizard-steps';

type Profile = Schemas['CandidateProfileResponse'];
type ProfileChange = Schemas['UpdateProfileRequest'];

/** The candidate's profile: creating it, the wizard, its completeness and activation. */
@Controller(':locale/candidate')
export class CandidateController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async home(@Param('locale', LocalePipe) locale: Locale, @Query('done') done: unknown, @Req() req: Request, @Res() res: Response) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const profile = await this.profile(api);
    if (!profile) return this.pages.send(res, <AboutYouPage ctx={ctx} countries={await this.countries(req, locale)} />);
    const notice = done === 'activated' ? ctx.t('candidate.activated') : done === 'saved' ? ctx.t('wizard.done') : undefined;
    this.pages.send(res, <DashboardPage ctx={ctx} profile={profile} notice={notice} />);
  }

  @Post()
  async create(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const { t } = ctx;
    const answers: AboutAnswers = {
      givenName: field(body, 'givenName'),
      familyName: field(body, 'familyName'),
      dateOfBirth: field(body, 'dateOfBirth'),
      residenceCountry: field(body, 'residenceCountry'),
      citizenship: field(body, 'citizenship'),
      secondCitizenship: field(body, 'secondCitizenship'),
      phone: field(body, 'phone'),
    };
    const required: Array<[keyof AboutAnswers, string, 'required' | 'choose']> = [
      ['givenName', 'candidate.givenName', 'required'],
      ['familyName', 'candidate.familyName', 'required'],
      ['dateOfBirth', 'candidate.dateOfBirth', 'required'],
      ['residenceCountry', 'candidate.residence', 'choose'],
      ['citizenship', 'candidate.citizenship', 'choose'],
    ];
    let errors: FieldErrors = required
      .filter(([name]) => !answers[name])
      .map(([name, label, kind]) => ({ field: name, message: t(`errors.${kind}`, { field: t(label) }) }));
    if (!errors.length && !/^\d{4}-\d{2}-\d{2}$/.test(answers.dateOfBirth)) {
      errors = [{ field: 'dateOfBirth', message: `${t('errors.invalid', { field: t('candidate.dateOfBirth') })}. ${t('candidate.dateHint')}` }];
    }
    if (!errors.length) {
      const { response, error } = await api.POST('/api/v1/candidates/me', {
        body: {
          givenName: answers.givenName,
          familyName: answers.familyName,
          dateOfBirth: answers.dateOfBirth,
          residenceCountry: answers.residenceCountry,
          citizenships: [answers.citizenship, answers.secondCitizenship].filter(Boolean),
          ...(answers.phone ? { phone: answers.phone } : {}),
        },
      });
      if (response.ok || response.status === 409) return this.pages.redirect(res, ctx, '/candidate/profile/1');
      errors = aboutErrors(ctx, apiError(error));
    }
    this.pages.send(res, <AboutYouPage ctx={ctx} countries={await this.countries(req, locale)} answers={answers} errors={errors} />, 400);
  }

  @Get('profile/:step')
  async step(
    @Param('locale', LocalePipe) locale: Locale,
    @Param('step', ParseIntPipe) step: number,
    @Query('q') q: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const profile = await this.profile(request.api);
    if (!profile) return this.pages.redirect(res, request.ctx, '/candidate');
    await this.renderStep(req, res, request.ctx, request.api, profile, step, typeof q === 'string' ? q.trim().slice(0, 100) : '');
  }

  @Post('profile/:step')
  async saveStep(
    @Param('locale', LocalePipe) locale: Locale,
    @Param('step', ParseIntPipe) step: number,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: unknown,
  ) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const profile = await this.profile(api);
    if (!profile) return this.pages.redirect(res, ctx, '/candidate');
    const change = profileChange(step, profile, body);
    if (change) {
      const { response, error } = await api.PATCH('/api/v1/candidates/me', { body: change });
      if (!response.ok) {
        const errors = [{ field: '_', message: apiError(error)?.message ?? ctx.t('errors.generic') }];
        return this.renderStep(req, res, ctx, api, profile, step, '', errors);
      }
    }
    const then = field(body, 'then');
    if (then === 'later' || (then === 'next' && step >= STEPS.length)) return this.pages.redirect(res, ctx, '/candidate?done=saved');
    if (then === 'next') return this.pages.redirect(res, ctx, `/candidate/profile/${step + 1}`);
    this.pages.redirect(res, ctx, `/candidate/profile/${step}`);
  }

  @Post('activate')
  async activate(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const { ctx, api } = request;
    const { response, error } = await api.POST('/api/v1/candidates/me/activate');
    if (response.ok) return this.pages.redirect(res, ctx, '/candidate?done=activated');
    const profile = await this.profile(api);
    if (!profile) return this.pages.redirect(res, ctx, '/candidate');
    const errors = [{ field: '_', message: `${ctx.t('candidate.activateHint')} ${apiError(error)?.message ?? ''}`.trim() }];
    this.pages.send(res, <DashboardPage ctx={ctx} profile={profile} errors={errors} />, 422);
  }

  private async renderStep(req: Request, res: Response, ctx: PageContext, api: ApiClient, profile: Profile, step: number, query: string, errors?: FieldErrors) {
    const lang = conceptLanguage(ctx.locale, profile);
    const frame = (children: preact.ComponentChildren) => this.pages.send(res, <WizardFrame ctx={ctx} step={step} errors={errors}>{children}</WizardFrame>, errors ? 400 : 200);
    switch (step) {
      case 1:
      case 2: {
        const kind = step === 1 ? 'occupations' : 'skills';
        const uris = step === 1 ? profile.occupations.map((o) => o.uri) : profile.skills.map((s) => s.uri);
        const [picked, results] = await Promise.all([labelled(api, kind, uris, lang), searchConcepts(api, kind, query, lang)]);
        return frame(
          <>
            <p class="etp-lead">{ctx.t(step === 1 ? 'wizard.occupationsLead' : 'wizard.skillsLead')}</p>
            <PickedConcepts ctx={ctx} step={step} concepts={picked} />
            <ConceptSearch ctx={ctx} step={step} kind={kind} query={query} results={results.filter((r) => !uris.includes(r.uri))} lang={lang} />
            <ContinueForm ctx={ctx} step={step} />
          </>,
        );
      }
      case 3: {
        const { data } = await api.GET('/api/v1/reference/languages');
        const collator = new Intl.Collator(ctx.locale);
        const languages = (data ?? [])
          .map((language) => ({ value: language.code, label: languageName(ctx.locale, language.code) }))
          .sort((a, b) => collator.compare(a.label, b.label));
        return frame(<><p class="etp-lead">{ctx.t('wizard.languagesLead')}</p><LanguagesStep ctx={ctx} profile={profile} languages={languages} errors={errors} /></>);
      }
      case 4:
        return frame(<EducationStep ctx={ctx} profile={profile} countries={await this.countries(req, ctx.locale)} errors={errors} />);
      case 5: {
        const { data } = await api.GET('/api/v1/reference/member-states', { params: { query: { participating: true } } });
        const collator = new Intl.Collator(ctx.locale);
        const states = countryOptions(ctx.locale, (data ?? []).map((state) => ({ code: state.countryCode, euMember: true })));
        states.sort((a, b) => collator.compare(a.label, b.label));
        return frame(<><p class="etp-lead">{ctx.t('wizard.preferencesLead')}</p><PreferencesStep ctx={ctx} profile={profile} memberStates={states} errors={errors} /></>);
      }
      default:
        return this.pages.redirect(res, ctx, '/candidate/profile/1');
    }
  }

  private async profile(api: ApiClient): Promise<Profile | null> {
    const { data } = await api.GET('/api/v1/candidates/me');
    return data ?? null;
  }

  private async countries(req: Request, locale: Locale) {
    return countryOptions(locale, await countryList(this.pages.anonymous(req)));
  }
}

/** The section a step's form changes, or null when it only moves on. */
export function profileChange(step: number, profile: Profile, body: unknown): ProfileChange | null {
  const add = field(body, 'add');
  const remove = field(body, 'remove');
  switch (step) {
    case 1: {
      if (add) return { occupations: [...profile.occupations.map(({ uri, yearsOfExperience }) => ({ uri, yearsOfExperience })), { uri: add, yearsOfExperience: 0 }] };
      if (remove) return { occupations: profile.occupations.filter((o) => o.uri !== remove).map(({ uri, yearsOfExperience }) => ({ uri, yearsOfExperience })) };
      return null;
    }
    case 2: {
      const current = profile.skills.map(({ uri, level, yearsOfExperience, viaProgramme }) => ({ uri, level, yearsOfExperience, viaProgramme }));
      if (add) return { skills: [...current, { uri: add }] };
      if (remove) return { skills: current.filter((s) => s.uri !== remove) };
      return null;
    }
    case 3: {
      const current = profile.languages.map(({ code, cefr }) => ({ code, cefr }));
      const code = field(body, 'language');
      const cefr = field(body, 'cefr') as Schemas['LanguageEntryRequest']['cefr'];
      if (field(body, 'addLanguage') && code && cefr) return { languages: [...current.filter((l) => l.code !== code), { code, cefr }] };
      if (remove) return { languages: current.filter((l) => l.code !== remove) };
      return null;
    }
    case 4: {
      const eqfLevel = Number(field(body, 'eqfLevel'));
      const completionYear = Number(field(body, 'completionYear'));
      const years = field(body, 'years');
      const education =
        eqfLevel && field(body, 'field') && field(body, 'educationCountry') && completionYear
          ? [{ eqfLevel, field: field(body, 'field'), countryCode: field(body, 'educationCountry'), completionYear }]
          : profile.education;
      const occupations = years && /^\d{1,2}$/.test(years) ? profile.occupations.map((o, index) => ({ uri: o.uri, yearsOfExperience: index === 0 ? Number(years) : o.yearsOfExperience })) : undefined;
      return { education, ...(occupations ? { occupations } : {}) };
    }
    case 5: {
      const title = field(body, 'qualificationTitle');
      const startDate = field(body, 'startDate');
      return {
        preferredMemberStates: fields(body, 'memberStates'),
        earliestStartDate: /^\d{4}-\d{2}-\d{2}$/.test(startDate) ? startDate : null,
        ...(title ? { qualifications: [{ title, issuer: field(body, 'issuer') || null }] } : {}),
      };
    }
    default:
      return null;
  }
}

const ABOUT_FIELDS: Record<string, string> = {
  givenName: 'candidate.givenName',
  familyName: 'candidate.familyName',
  dateOfBirth: 'candidate.dateOfBirth',
  residenceCountry: 'candidate.residence',
  citizenships: 'candidate.citizenship',
  phone: 'candidate.phone',
};

function aboutErrors(ctx: PageContext, error: Schemas['ErrorPayload'] | undefined): FieldErrors {
  const { t } = ctx;
  const details = error?.details ?? [];
  const known = details
    .map((detail) => (detail.field ?? '').split('.')[0])
    .filter((name) => name in ABOUT_FIELDS)
    .map((name) => ({ field: name === 'citizenships' ? 'citizenship' : name, message: t('errors.invalid', { field: t(ABOUT_FIELDS[name]) }) }));
  if (known.length) return known;
  return [{ field: '_', message: error ? `${t('candidate.notEligible')}: ${details.map((d) => d.reason).join('; ') || error.message}` : t('errors.generic') }];
}

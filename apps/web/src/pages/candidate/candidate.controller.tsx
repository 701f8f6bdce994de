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
import { EDUCATION, entryApiErrors, type EntryKind, EXPERIENCE, readEntry, withEntry, withoutEntry } from './profile-entries';
import { type AboutAnswers, AboutYouPage, ConceptSearch, DashboardPage, PickedConcepts, STEPS, WizardFrame } from './profile-views';
import { CEFR_LEVELS, type Draft, EducationStep, ExperienceStep, LanguagesStep, OccupationYears, PreferencesStep, SkillLevels, SKILL_LEVELS } from './wizard-steps';

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
    @Query('edit') edit: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const request = await candidateRequest(this.pages, req, res, locale);
    if (!request) return;
    const profile = await this.profile(request.api, locale);
    if (!profile) return this.pages.redirect(res, request.ctx, '/candidate');
    const editing = typeof edit === 'string' && /^\d+$/.test(edit) ? Number(edit) : null;
    await this.renderStep(req, res, request.ctx, request.api, profile, step, { query: typeof q === 'string' ? q.trim().slice(0, 100) : '', editing });
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
    const profile = await this.profile(api, locale);
    if (!profile) return this.pages.redirect(res, ctx, '/candidate');
    const outcome = stepChange(ctx, step, profile, body);
    if (outcome.errors) return this.renderStep(req, res, ctx, api, profile, step, { query: '', editing: outcome.editing ?? null, errors: outcome.errors, draft: outcome.draft });
    if (outcome.change) {
      const { response, error } = await api.PATCH('/api/v1/candidates/me', { body: outcome.change });
      if (!response.ok) {
        const kind = step === 4 ? EXPERIENCE : step === 5 ? EDUCATION : null;
        const errors = kind && outcome.draft ? entryApiErrors(kind, ctx, apiError(error)) : [{ field: '_', message: apiError(error)?.message ?? ctx.t('errors.generic') }];
        return this.renderStep(req, res, ctx, api, profile, step, { query: '', editing: outcome.editing ?? null, draft: outcome.draft, errors });
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

  private async renderStep(req: Request, res: Response, ctx: PageContext, api: ApiClient, profile: Profile, step: number, state: StepState) {
    const { errors, draft } = state;
    const lang = conceptLanguage(ctx.locale, profile);
    const frame = (children: preact.ComponentChildren) => this.pages.send(res, <WizardFrame ctx={ctx} step={step} errors={errors}>{children}</WizardFrame>, errors ? 400 : 200);
    switch (step) {
      case 1:
      case 2: {
        const kind = step === 1 ? 'occupations' : 'skills';
        const uris = step === 1 ? profile.occupations.map((o) => o.uri) : profile.skills.map((s) => s.uri);
        const [picked, results] = await Promise.all([labelled(api, kind, uris, lang), searchConcepts(api, kind, state.query, lang)]);
        return frame(
          <>
            <p class="etp-lead">{ctx.t(step === 1 ? 'wizard.occupationsLead' : 'wizard.skillsLead')}</p>
            <PickedConcepts ctx={ctx} step={step} concepts={picked} />
            <ConceptSearch ctx={ctx} step={step} kind={kind} query={state.query} results={results.filter((r) => !uris.includes(r.uri))} lang={lang} />
            {step === 1 ? (
              <OccupationYears ctx={ctx} concepts={picked} years={profile.occupations.map((o) => o.yearsOfExperience)} errors={errors} draft={draft} />
            ) : (
              <SkillLevels ctx={ctx} concepts={picked} levels={profile.skills.map((s) => s.level)} draft={draft} />
            )}
          </>,
        );
      }
      case 3: {
        const { data } = await api.GET('/api/v1/reference/languages');
        const collator = new Intl.Collator(ctx.locale);
        const languages = (data ?? [])
          .map((language) => ({ value: language.code, label: languageName(ctx.locale, language.code) }))
          .sort((a, b) => collator.compare(a.label, b.label));
        return frame(<><p class="etp-lead">{ctx.t('wizard.languagesLead')}</p><LanguagesStep ctx={ctx} profile={profile} languages={languages} errors={errors} draft={draft} /></>);
      }
      case 4:
      case 5: {
        const countries = await this.countries(req, ctx.locale);
        const list = step === 4 ? profile.workExperience : profile.education;
        const editing = state.editing !== null && state.editing < list.length ? state.editing : null;
        return frame(
          step === 4 ? (
            <ExperienceStep ctx={ctx} profile={profile} countries={countries} editing={editing} errors={errors} draft={draft} />
          ) : (
            <EducationStep ctx={ctx} profile={profile} countries={countries} editing={editing} errors={errors} draft={draft} />
          ),
        );
      }
      case 6: {
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

  /** The profile, its ESCO labels in the page's language (or the fallback ESCO has). */
  private async profile(api: ApiClient, lang?: Locale): Promise<Profile | null> {
    const { data } = await api.GET('/api/v1/candidates/me', lang ? { params: { query: { lang } } } : {});
    return data ?? null;
  }

  private async countries(req: Request, locale: Locale) {
    return countryOptions(locale, await countryList(this.pages.anonymous(req)));
  }
}

interface StepState {
  query: string;
  /** The entry of a list step open in its form (null: the form adds one). */
  editing: number | null;
  errors?: FieldErrors;
  /** What the candidate typed, shown again with the errors. */
  draft?: Draft;
}

/** What a step's form asks: the profile section it changes (none when it only moves on), or why it cannot. */
interface StepOutcome {
  change?: ProfileChange;
  errors?: FieldErrors;
  draft?: Draft;
  editing?: number | null;
}

const YEARS = /^\d{1,2}([.,]\d)?$/;

/** The section a step's form changes, or what is wrong with the form. */
export function stepChange(ctx: PageContext, step: number, profile: Profile, body: unknown): StepOutcome {
  const { t } = ctx;
  const add = field(body, 'add');
  const remove = field(body, 'remove');
  switch (step) {
    case 1: {
      const current = profile.occupations.map(({ uri, yearsOfExperience }) => ({ uri, yearsOfExperience }));
      if (add) return { change: { occupations: [...current, { uri: add, yearsOfExperience: 0 }] } };
      if (remove) return { change: { occupations: current.filter((o) => o.uri !== remove) } };
      const draft: Record<string, string> = {};
      const errors: Array<{ field: string; message: string }> = [];
      const occupations = current.map((occupation, index) => {
        const name = `years-${index}`;
        const years = field(body, name);
        if (!years || field(body, `occupation-${index}`) !== occupation.uri) return occupation;
        draft[name] = years;
        const value = Number(years.replace(',', '.'));
        if (YEARS.test(years) && value <= 60) return { ...occupation, yearsOfExperience: value };
        const label = profile.occupations[index]?.label ?? '';
        errors.push({ field: name, message: `${t('errors.invalid', { field: `${t('wizard.years')}: ${label}` })}. ${t('wizard.yearsHint')}` });
        return occupation;
      });
      if (errors.length) return { errors, draft };
      return Object.keys(draft).length ? { change: { occupations } } : {};
    }
    case 2: {
      const current = profile.skills.map(({ uri, level, yearsOfExperience, viaProgramme }) => ({ uri, level, yearsOfExperience, viaProgramme }));
      if (add) return { change: { skills: [...current, { uri: add }] } };
      if (remove) return { change: { skills: current.filter((s) => s.uri !== remove) } };
      let changed = false;
      const skills = current.map((skill, index) => {
        if (field(body, `skill-${index}`) !== skill.uri) return skill;
        const chosen = field(body, `level-${index}`);
        const level = (SKILL_LEVELS as readonly string[]).includes(chosen) ? (chosen as (typeof SKILL_LEVELS)[number]) : null;
        if (level === (skill.level ?? null)) return skill;
        changed = true;
        return { ...skill, level };
      });
      return changed ? { change: { skills } } : {};
    }
    case 3: {
      const current = profile.languages.map(({ code, cefr }) => ({ code, cefr }));
      if (remove) return { change: { languages: current.filter((l) => l.code !== remove) } };
      if (!field(body, 'addLanguage')) return {};
      const code = field(body, 'language');
      const cefr = field(body, 'cefr') as (typeof CEFR_LEVELS)[number];
      const errors = [
        ...(code ? [] : [{ field: 'language', message: t('errors.choose', { field: t('wizard.language') }) }]),
        ...((CEFR_LEVELS as readonly string[]).includes(cefr) ? [] : [{ field: 'cefr', message: t('errors.choose', { field: t('wizard.level') }) }]),
      ];
      if (errors.length) return { errors, draft: { language: code, cefr } };
      return { change: { languages: [...current.filter((l) => l.code !== code), { code, cefr }] } };
    }
    case 4:
      return entryChange(EXPERIENCE, ctx, profile, body, (workExperience) => ({ workExperience }));
    case 5:
      return entryChange(EDUCATION, ctx, profile, body, (education) => ({ education }));
    case 6: {
      const title = field(body, 'qualificationTitle');
      const startDate = field(body, 'startDate');
      return {
        change: {
          preferredMemberStates: fields(body, 'memberStates'),
          earliestStartDate: /^\d{4}-\d{2}-\d{2}$/.test(startDate) ? startDate : null,
          ...(title ? { qualifications: [{ title, issuer: field(body, 'issuer') || null }] } : {}),
        },
      };
    }
    default:
      return {};
  }
}

/** A list step's form: remove an entry, add or change one, or (left blank) only move on. */
function entryChange<D extends Record<string, string>, E>(kind: EntryKind<D, E>, ctx: PageContext, profile: Profile, body: unknown, section: (entries: E[]) => ProfileChange): StepOutcome {
  const removed = withoutEntry(kind, profile, field(body, 'removeEntry'));
  if (removed) return { change: section(removed) };
  if (!field(body, 'entry')) return {};
  const entry = readEntry(kind, ctx, body, kind.entries(profile).length);
  // "Continue" on an empty form moves on; "Add" on an empty form says what is missing.
  if (entry.blank && field(body, 'then')) return {};
  if (entry.errors.length) return { errors: entry.errors, draft: entry.draft, editing: entry.index };
  return { change: section(withEntry(kind, profile, entry)), draft: entry.draft, editing: entry.index };
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

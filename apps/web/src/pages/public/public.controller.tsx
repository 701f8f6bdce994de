import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Locale, negotiate } from '../../i18n/locales';
import type { FieldErrors } from '../../views/form-errors';
import { field } from '../form-body';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';
import { countryList, countryName, countryOptions, type PartnerCountry, partnerCountries } from '../reference-data';
import { formatDay } from '../../views/dates';
import type { PageContext } from '../../views/page-context';
import { type EligibilityAnswers, EligibilityPage, type EligibilityVerdict } from './eligibility.page';
import { LandingPage } from './landing.page';

const MOVED: Record<string, string> = { '/candidate/profile/renew': '/candidate/account', '/notifications': '/candidate/notifications' };

/** Addresses without a language (the site's root, links in mails) lead to the reader's language. */
@Controller()
export class LocaleRedirectController {
  @Get(['/', 'verify-email', 'reset-password', 'forgot-password', 'candidate/profile/renew', 'candidate/contacts', 'notifications'])
  redirect(@Req() req: Request, @Res() res: Response): void {
    const locale = negotiate(req.headers['accept-language']);
    // The renewal reminder's link: renewing is one button on the account page; the notification
    // mails' link: the candidate's notification centre.
    const target = MOVED[req.path] ?? req.originalUrl;
    res.redirect(302, `/${locale}${target}`);
  }
}

@Controller(':locale')
export class PublicController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async landing(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const { ctx } = await this.pages.open(req, res, locale);
    this.pages.send(res, <LandingPage ctx={ctx} />);
  }

  @Get('eligibility')
  async eligibility(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const { ctx } = await this.pages.open(req, res, locale);
    const api = this.pages.anonymous(req);
    const [list, partners] = await Promise.all([countryList(api), partnerCountries(api)]);
    this.pages.send(res, <EligibilityPage ctx={ctx} countries={countryGroups(ctx, list, partners)} />);
  }

  /** Nothing is stored or sent to the API: the final check is made when the profile is created. */
  @Post('eligibility')
  async checkEligibility(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const { ctx } = await this.pages.open(req, res, locale);
    const { t } = ctx;
    const api = this.pages.anonymous(req);
    const [list, partners] = await Promise.all([countryList(api), partnerCountries(api)]);
    const answers: EligibilityAnswers = { residence: field(body, 'residence'), citizenship: field(body, 'citizenship'), adult: field(body, 'adult') };
    const known = (code: string) => list.find((country) => country.code === code);
    const errors: FieldErrors = [
      ...(known(answers.residence) ? [] : [{ field: 'residence', message: t('errors.choose', { field: t('eligibility.residence') }) }]),
      ...(known(answers.citizenship) ? [] : [{ field: 'citizenship', message: t('errors.choose', { field: t('eligibility.citizenship') }) }]),
      ...(['yes', 'no'].includes(answers.adult) ? [] : [{ field: 'adult', message: t('eligibility.adultMissing') }]),
    ];
    const countries = countryGroups(ctx, list, partners);
    if (errors.length) {
      this.pages.send(res, <EligibilityPage ctx={ctx} countries={countries} answers={answers} errors={errors} />, 400);
      return;
    }
    const chosen = [...new Set([answers.residence, answers.citizenship])];
    const reasons = [
      ...(known(answers.residence)?.euMember ? [t('eligibility.residenceInEu')] : []),
      ...(known(answers.citizenship)?.euMember ? [t('eligibility.citizenOfEu')] : []),
      ...(answers.adult === 'no' ? [t('eligibility.minor')] : []),
      ...chosen.flatMap((code) => (partners.get(code)?.status === 'suspended' ? [suspension(ctx, partners.get(code)!)] : [])),
    ];
    const facts = chosen.flatMap((code) => countryFacts(ctx, partners.get(code), known(code)?.euMember ?? false, code));
    const verdict: EligibilityVerdict = reasons.length ? { eligible: false, reasons, facts } : { eligible: true, facts };
    this.pages.send(res, <EligibilityPage ctx={ctx} countries={countries} answers={answers} verdict={verdict} />);
  }
}

/** The countries of the pre-check: the Talent Partnership countries first, then every other one. */
function countryGroups(ctx: PageContext, list: { code: string; euMember: boolean }[], partners: Map<string, PartnerCountry>) {
  const partnership = (code: string) => partners.get(code)?.status === 'talent_partnership';
  return [
    { label: ctx.t('notices.eligibility.partners'), options: countryOptions(ctx.locale, list, (country) => partnership(country.code)) },
    { label: ctx.t('notices.eligibility.others'), options: countryOptions(ctx.locale, list, (country) => !partnership(country.code)) },
  ].filter((group) => group.options.length);
}

function suspension(ctx: PageContext, partner: PartnerCountry): string {
  const country = countryName(ctx.locale, partner.countryCode);
  return partner.effectiveFrom
    ? ctx.t('notices.eligibility.suspended', { country, date: formatDay(ctx.locale, partner.effectiveFrom) })
    : ctx.t('notices.eligibility.suspendedNow', { country });
}

/** Whether a chosen third country takes part today (a suspension is a reason, not a fact), and its next recorded change. */
function countryFacts(ctx: PageContext, partner: PartnerCountry | undefined, euMember: boolean, code: string): string[] {
  if (euMember) return [];
  const country = countryName(ctx.locale, code);
  const today = partner?.status === 'talent_partnership' ? [ctx.t('notices.eligibility.partnership', { country })] : partner?.status === 'suspended' ? [] : [ctx.t('notices.eligibility.takesPart', { country })];
  const next = partner?.next ? [ctx.t(`notices.eligibility.next_${partner.next.status}`, { country, date: formatDay(ctx.locale, partner.next.effectiveFrom) })] : [];
  return [...today, ...next];
}

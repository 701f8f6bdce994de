import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Locale, negotiate } from '../../i18n/locales';
import type { FieldErrors } from '../../views/form-errors';
import { field } from '../form-body';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';
import { countryList, countryOptions } from '../reference-data';
import { type EligibilityAnswers, EligibilityPage, type EligibilityVerdict } from './eligibility.page';
import { LandingPage } from './landing.page';

/** Addresses without a language (the site's root, links in mails) lead to the reader's language. */
@Controller()
export class LocaleRedirectController {
  @Get(['/', 'verify-email', 'reset-password', 'forgot-password', 'candidate/profile/renew', 'candidate/contacts'])
  redirect(@Req() req: Request, @Res() res: Response): void {
    const locale = negotiate(req.headers['accept-language']);
    // The renewal reminder's link: renewing is one button on the account page.
    const target = req.path === '/candidate/profile/renew' ? '/candidate/account' : req.originalUrl;
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
    const countries = countryOptions(locale, await countryList(this.pages.anonymous(req)));
    this.pages.send(res, <EligibilityPage ctx={ctx} countries={countries} />);
  }

  /** Nothing is stored or sent to the API: the final check is made when the profile is created. */
  @Post('eligibility')
  async checkEligibility(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const { ctx } = await this.pages.open(req, res, locale);
    const { t } = ctx;
    const list = await countryList(this.pages.anonymous(req));
    const answers: EligibilityAnswers = { residence: field(body, 'residence'), citizenship: field(body, 'citizenship'), adult: field(body, 'adult') };
    const known = (code: string) => list.find((country) => country.code === code);
    const errors: FieldErrors = [
      ...(known(answers.residence) ? [] : [{ field: 'residence', message: t('errors.choose', { field: t('eligibility.residence') }) }]),
      ...(known(answers.citizenship) ? [] : [{ field: 'citizenship', message: t('errors.choose', { field: t('eligibility.citizenship') }) }]),
      ...(['yes', 'no'].includes(answers.adult) ? [] : [{ field: 'adult', message: t('errors.choose', { field: t('eligibility.adult') }) }]),
    ];
    const countries = countryOptions(locale, list);
    if (errors.length) {
      this.pages.send(res, <EligibilityPage ctx={ctx} countries={countries} answers={answers} errors={errors} />, 400);
      return;
    }
    const reasons = [
      ...(known(answers.residence)?.euMember ? [t('eligibility.residenceInEu')] : []),
      ...(known(answers.citizenship)?.euMember ? [t('eligibility.citizenOfEu')] : []),
      ...(answers.adult === 'no' ? [t('eligibility.minor')] : []),
    ];
    const verdict: EligibilityVerdict = reasons.length ? { eligible: false, reasons } : { eligible: true };
    this.pages.send(res, <EligibilityPage ctx={ctx} countries={countries} answers={answers} verdict={verdict} />);
  }
}

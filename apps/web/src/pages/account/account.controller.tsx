import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { apiError } from '../../api/web-api';
import type { Locale } from '../../i18n/locales';
import type { FieldErrors } from '../../views/form-errors';
import { Notice } from '../../views/forms';
import { homeOf } from '../../views/navigation';
import { href, type PageContext } from '../../views/page-context';
import { field } from '../form-body';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';
import {
  ForgotPasswordPage,
  MessagePage,
  RegisterPage,
  RegisterSentPage,
  ResetPasswordPage,
  ResetSentPage,
  SignInPage,
  VerifyPage,
} from './account.pages';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Register, confirm the address, sign in and out, reset a forgotten password. */
@Controller(':locale')
export class AccountController {
  constructor(private readonly pages: Pages) {}

  @Get('register')
  async registerForm(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const { ctx } = await this.pages.open(req, res, locale);
    this.pages.send(res, <RegisterPage ctx={ctx} />);
  }

  @Post('register')
  async register(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const { ctx } = await this.pages.open(req, res, locale);
    const email = field(body, 'email');
    const invalid = emailErrors(ctx, email, 'register.email');
    if (invalid) return this.pages.send(res, <RegisterPage ctx={ctx} email={email} errors={invalid} />, 400);
    const { response } = await this.pages.anonymous(req).POST('/api/v1/auth/register', { body: { email, language: locale } });
    if (!response.ok) return this.pages.send(res, <RegisterPage ctx={ctx} email={email} errors={failure(ctx, response.status)} />, 400);
    this.pages.send(res, <RegisterSentPage ctx={ctx} email={email} />);
  }

  @Get('verify-email')
  async verifyForm(@Param('locale', LocalePipe) locale: Locale, @Query('token') token: unknown, @Req() req: Request, @Res() res: Response) {
    const { ctx } = await this.pages.open(req, res, locale);
    this.pages.send(res, <VerifyPage ctx={ctx} token={typeof token === 'string' ? token : ''} />);
  }

  /** The link in the mail only shows this form: mail scanners that follow links confirm nothing. */
  @Post('verify-email')
  async verify(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const { ctx } = await this.pages.open(req, res, locale);
    const token = field(body, 'token');
    const password = field(body, 'password');
    const errors = passwordErrors(ctx, password, field(body, 'confirm'));
    if (errors) return this.pages.send(res, <VerifyPage ctx={ctx} token={token} errors={errors} />, 400);
    const { response, error } = await this.pages.anonymous(req).POST('/api/v1/auth/verify-email', { body: { token, password } });
    if (!response.ok) {
      const weak = apiError(error)?.details?.some((detail) => detail.field === 'password');
      const message = weak ? [{ field: 'password', message: `${ctx.t('errors.invalid', { field: ctx.t('verify.password') })}. ${ctx.t('verify.passwordHint')}` }] : [{ field: '_', message: ctx.t('verify.invalidLink') }];
      return this.pages.send(res, <VerifyPage ctx={ctx} token={token} errors={message} />, 400);
    }
    this.pages.send(res, <SignInPage ctx={ctx} notice={`${ctx.t('verify.doneTitle')}. ${ctx.t('verify.doneText')}`} />);
  }

  @Get('sign-in')
  async signInForm(@Param('locale', LocalePipe) locale: Locale, @Query('signed-out') signedOut: unknown, @Req() req: Request, @Res() res: Response) {
    const { ctx, session } = await this.pages.open(req, res, locale);
    if (session.account) return this.pages.redirect(res, ctx, homeOf(session.account.role));
    this.pages.send(res, <SignInPage ctx={ctx} notice={signedOut ? ctx.t('signIn.signedOut') : undefined} />);
  }

  @Post('sign-in')
  async signIn(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const { ctx, session } = await this.pages.open(req, res, locale);
    const email = field(body, 'email');
    const password = field(body, 'password');
    const errors: FieldErrors = [
      ...(EMAIL.test(email) ? [] : [{ field: 'email', message: ctx.t('errors.required', { field: ctx.t('signIn.email') }) }]),
      ...(password ? [] : [{ field: 'password', message: ctx.t('errors.required', { field: ctx.t('signIn.password') }) }]),
    ];
    if (errors.length) return this.pages.send(res, <SignInPage ctx={ctx} email={email} errors={errors} />, 400);
    const { data, response } = await this.pages.anonymous(req).POST('/api/v1/auth/login', { body: { email, password } });
    if (!data) {
      const message = response.status === 403 ? ctx.t('signIn.notVerified') : response.status === 429 ? ctx.t('errors.tooMany') : ctx.t('signIn.wrong');
      return this.pages.send(res, <SignInPage ctx={ctx} email={email} errors={[{ field: 'email', message }]} />, 400);
    }
    const signed = await this.pages.signIn(req, res, session, data);
    this.pages.redirect(res, ctx, homeOf(signed.account?.role ?? 'candidate'));
  }

  @Post('sign-out')
  async signOut(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const { ctx, session } = await this.pages.open(req, res, locale);
    await this.pages.signOut(req, res, session);
    this.pages.redirect(res, ctx, '/sign-in?signed-out=1');
  }

  @Get('forgot-password')
  async forgotForm(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const { ctx } = await this.pages.open(req, res, locale);
    this.pages.send(res, <ForgotPasswordPage ctx={ctx} />);
  }

  @Post('forgot-password')
  async forgot(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const { ctx } = await this.pages.open(req, res, locale);
    const email = field(body, 'email');
    const invalid = emailErrors(ctx, email, 'reset.email');
    if (invalid) return this.pages.send(res, <ForgotPasswordPage ctx={ctx} email={email} errors={invalid} />, 400);
    const { response } = await this.pages.anonymous(req).POST('/api/v1/auth/password-reset/request', { body: { email, language: locale } });
    if (!response.ok) return this.pages.send(res, <ForgotPasswordPage ctx={ctx} email={email} errors={failure(ctx, response.status)} />, 400);
    this.pages.send(res, <ResetSentPage ctx={ctx} email={email} />);
  }

  @Get('reset-password')
  async resetForm(@Param('locale', LocalePipe) locale: Locale, @Query('token') token: unknown, @Req() req: Request, @Res() res: Response) {
    const { ctx } = await this.pages.open(req, res, locale);
    this.pages.send(res, <ResetPasswordPage ctx={ctx} token={typeof token === 'string' ? token : ''} />);
  }

  @Post('reset-password')
  async reset(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response, @Body() body: unknown) {
    const { ctx } = await this.pages.open(req, res, locale);
    const token = field(body, 'token');
    const password = field(body, 'password');
    const errors = passwordErrors(ctx, password, field(body, 'confirm'));
    if (errors) return this.pages.send(res, <ResetPasswordPage ctx={ctx} token={token} errors={errors} />, 400);
    const { response, error } = await this.pages.anonymous(req).POST('/api/v1/auth/password-reset/confirm', { body: { token, password } });
    if (!response.ok) {
      const weak = apiError(error)?.details?.some((detail) => detail.field?.toLowerCase().includes('password'));
      const message = weak ? [{ field: 'password', message: ctx.t('verify.passwordHint') }] : [{ field: '_', message: ctx.t('reset.invalidLink') }];
      return this.pages.send(res, <ResetPasswordPage ctx={ctx} token={token} errors={message} />, 400);
    }
    this.pages.send(res, <MessagePage ctx={ctx} title={ctx.t('reset.title')}><Notice>{ctx.t('reset.doneText')}</Notice><p><a class="ecl-link" href={href(ctx, '/sign-in')}>{ctx.t('nav.signIn')}</a></p></MessagePage>);
  }
}

function emailErrors(ctx: PageContext, email: string, label: string): FieldErrors | undefined {
  if (EMAIL.test(email) && email.length <= 254) return undefined;
  return [{ field: 'email', message: email ? ctx.t('errors.invalid', { field: ctx.t(label) }) : ctx.t('errors.required', { field: ctx.t(label) }) }];
}

function passwordErrors(ctx: PageContext, password: string, confirm: string): FieldErrors | undefined {
  if (!password) return [{ field: 'password', message: ctx.t('errors.required', { field: ctx.t('verify.password') }) }];
  if (password !== confirm) return [{ field: 'confirm', message: ctx.t('verify.mismatch') }];
  return undefined;
}

function failure(ctx: PageContext, status: number): FieldErrors {
  return [{ field: '_', message: status === 429 ? ctx.t('errors.tooMany') : ctx.t('errors.generic') }];
}

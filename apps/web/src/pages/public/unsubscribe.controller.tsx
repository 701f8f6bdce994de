import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Locale, negotiate } from '../../i18n/locales';
import { Form, Notice, Submit } from '../../views/forms';
import { href } from '../../views/page-context';
import { MessagePage } from '../account/account.pages';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';

/**
 * The unsubscribe link of alert mails. The signed token is the whole authority (no sign-in, no CSRF
 * token: stopping one's own alert is all it can do), so mail clients' RFC 8058 one-click POST to the
 * language-less address works, and a person who follows the link sees what it stops before confirming.
 */
@Controller()
export class UnsubscribeController {
  constructor(private readonly pages: Pages) {}

  @Get('alerts/unsubscribe/:token')
  toReadersLanguage(@Param('token') token: string, @Req() req: Request, @Res() res: Response): void {
    res.redirect(302, `/${negotiate(req.headers['accept-language'])}/alerts/unsubscribe/${encodeURIComponent(token)}`);
  }

  /** The one-click POST of mail clients (`List-Unsubscribe-Post: List-Unsubscribe=One-Click`). */
  @Post('alerts/unsubscribe/:token')
  async oneClick(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { response } = await this.stop(req, token);
    res.status(response.ok ? 200 : 400).type('text/plain').send(response.ok ? 'unsubscribed' : 'invalid link');
  }

  @Get(':locale/alerts/unsubscribe/:token')
  async show(@Param('locale', LocalePipe) locale: Locale, @Param('token') token: string, @Req() req: Request, @Res() res: Response) {
    const { ctx } = await this.pages.open(req, res, locale);
    const { data } = await this.pages.anonymous(req).GET('/api/v1/alerts/unsubscribe/{token}', { params: { path: { token } } });
    const title = ctx.t('unsubscribe.title');
    if (!data) return this.pages.send(res, <MessagePage ctx={ctx} title={title}><Notice kind="warning">{ctx.t('unsubscribe.invalid')}</Notice></MessagePage>, 400);
    if (!data.active) return this.pages.send(res, <MessagePage ctx={ctx} title={title}><Notice>{ctx.t('unsubscribe.done')}</Notice></MessagePage>);
    this.pages.send(
      res,
      <MessagePage ctx={ctx} title={title}>
        <p class="etp-lead">{ctx.t('unsubscribe.intro')} <bdi>{data.name}</bdi></p>
        <Form ctx={ctx} action={href(ctx, `/alerts/unsubscribe/${encodeURIComponent(token)}`)}>
          <Submit label={ctx.t('unsubscribe.submit')} />
        </Form>
      </MessagePage>,
    );
  }

  @Post(':locale/alerts/unsubscribe/:token')
  async confirm(@Param('locale', LocalePipe) locale: Locale, @Param('token') token: string, @Req() req: Request, @Res() res: Response) {
    const { ctx } = await this.pages.open(req, res, locale);
    const { response } = await this.stop(req, token);
    const title = ctx.t('unsubscribe.title');
    if (!response.ok) return this.pages.send(res, <MessagePage ctx={ctx} title={title}><Notice kind="warning">{ctx.t('unsubscribe.invalid')}</Notice></MessagePage>, 400);
    this.pages.send(res, <MessagePage ctx={ctx} title={title}><Notice>{ctx.t('unsubscribe.done')}</Notice></MessagePage>);
  }

  private stop(req: Request, token: string) {
    return this.pages.anonymous(req).POST('/api/v1/alerts/unsubscribe/{token}', {
      params: { path: { token } },
      body: { 'List-Unsubscribe': 'One-Click' },
    });
  }
}

import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Locale } from '../../i18n/locales';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';
import { LocalePipe } from '../locale.pipe';
import { Pages } from '../pages.service';
import { signedInRequest } from '../signed-in';
import { ADMIN_NAVIGATION } from './admin.navigation';

/** The administrator's home: every page of the console, from its menu. */
@Controller(':locale/admin')
export class AdminHomeController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async home(@Param('locale', LocalePipe) locale: Locale, @Req() req: Request, @Res() res: Response) {
    const request = await signedInRequest(this.pages, req, res, locale, 'admin');
    if (!request) return;
    this.pages.send(res, <AdminHomePage ctx={request.ctx} />);
  }
}

function AdminHomePage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.home.title')}>
      <PageTitle>{t('admin.home.title')}</PageTitle>
      <p class="etp-lead">{t('admin.home.lead')}</p>
      <ul class="etp-cards etp-cards--grid">
        {ADMIN_NAVIGATION.slice(1).map((item) => (
          <li class="etp-card" key={item.path}>
            <h2><a class="ecl-link" href={href(ctx, item.path)}>{t(item.label)}</a></h2>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

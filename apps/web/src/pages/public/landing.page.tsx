import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';

export function LandingPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('landing.title')}>
      <PageTitle>{t('landing.title')}</PageTitle>
      <p class="etp-lead">{t('landing.lead')}</p>
      <div class="etp-panel etp-panel--warning">
        <h2>{t('landing.visaTitle')}</h2>
        <p>{t('landing.visaText')}</p>
      </div>
      <h2>{t('landing.whatTitle')}</h2>
      <p>{t('landing.whatText')}</p>
      <h2>{t('landing.whoTitle')}</h2>
      <ul class="etp-list">
        <li>{t('landing.who1')}</li>
        <li>{t('landing.who2')}</li>
        <li>{t('landing.who3')}</li>
        <li>{t('landing.who4')}</li>
      </ul>
      <div class="etp-actions">
        <a class="ecl-button ecl-button--primary" href={href(ctx, '/eligibility')}>{t('landing.check')}</a>
        <a class="ecl-button ecl-button--secondary" href={href(ctx, '/register')}>{t('landing.start')}</a>
      </div>
      <section class="etp-panel" aria-labelledby="employers-title">
        <h2 id="employers-title">{t('employer.register.landingTitle')}</h2>
        <p>{t('employer.register.landingText')}</p>
        <p><a class="ecl-link" href={href(ctx, '/employers/register')}>{t('employer.register.link')}</a></p>
      </section>
    </Layout>
  );
}

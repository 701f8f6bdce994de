import type { Schemas } from '../../api/web-api';
import { Form, Notice } from '../../views/forms';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';
import { shortDate } from './employer-fields';
import { parseTalentQuery, talentSearchString } from './talent-query';

export function SavedSearchesPage({ ctx, searches, notice }: { ctx: PageContext; searches: Schemas['SavedSearchResponse'][]; notice?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('employer.saved.title')}>
      {notice ? <Notice>{notice}</Notice> : null}
      <PageTitle>{t('employer.saved.title')}</PageTitle>
      <p class="etp-lead">{t('employer.saved.lead')}</p>
      {searches.length ? (
        <ul class="etp-picked" id="saved-searches">
          {searches.map((search) => {
            const query = talentSearchString(parseTalentQuery(search.query));
            return (
              <li key={search.id}>
                <a class="ecl-link" href={`${href(ctx, '/employer/talent')}${query ? `?${query}` : ''}`}><bdi>{search.name}</bdi></a>
                <span class="etp-meta">{t('employer.saved.since', { date: shortDate(ctx, search.createdAt) })}</span>
                <Form ctx={ctx} action={href(ctx, `/employer/saved-searches/${search.id}/delete`)}>
                  <button type="submit" class="ecl-button ecl-button--tertiary">{t('employer.saved.delete')}<span class="ecl-u-sr-only"> <bdi>{search.name}</bdi></span></button>
                </Form>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t('employer.saved.none')} <a class="ecl-link" href={href(ctx, '/employer/talent')}>{t('employer.nav.talent')}</a></p>
      )}
    </Layout>
  );
}

export function NotificationsPage({ ctx, notifications, notice }: { ctx: PageContext; notifications: Schemas['NotificationResponse'][]; notice?: string }) {
  const { t } = ctx;
  const unread = notifications.filter((item) => !item.readAt).length;
  return (
    <Layout ctx={ctx} title={t('employer.notifications.title')}>
      {notice ? <Notice>{notice}</Notice> : null}
      <PageTitle>{t('employer.notifications.title')}</PageTitle>
      <p>{t('employer.notifications.unread', { count: unread })}</p>
      {unread ? (
        <Form ctx={ctx} action={href(ctx, '/employer/notifications/read')}>
          <button type="submit" class="ecl-button ecl-button--secondary">{t('employer.notifications.markAll')}</button>
        </Form>
      ) : null}
      {notifications.length ? (
        <ul class="etp-cards">
          {notifications.map((item) => (
            <li class={`etp-card${item.readAt ? '' : ' etp-card--unread'}`} key={item.id}>
              <h2 class="etp-card__title">
                {item.readAt ? null : <span class="etp-status etp-status--wait">{t('employer.notifications.new')}</span>} {item.title}
              </h2>
              <p class="etp-meta">{shortDate(ctx, item.createdAt)}</p>
              <p dir="auto">{item.body}</p>
              {item.readAt ? null : (
                <Form ctx={ctx} action={href(ctx, `/employer/notifications/${item.id}/read`)}>
                  <button type="submit" class="ecl-button ecl-button--tertiary">{t('employer.notifications.markRead')}<span class="ecl-u-sr-only"> {item.title}</span></button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('employer.notifications.none')}</p>
      )}
    </Layout>
  );
}

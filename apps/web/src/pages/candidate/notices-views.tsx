import type { Schemas } from '../../api/web-api';
import { LOCALE_NAMES, LOCALES } from '../../i18n/locales';
import { formatDateTime, Time } from '../../views/dates';
import { ErrorSummary, Form, Notice, RadioGroup, SelectField, Submit } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';

/** The kinds of notification a candidate receives, in the order the preferences form asks about them. */
export const CANDIDATE_KINDS = ['contact_update', 'new_matches', 'profile_expiring', 'partner_country_status_changed'] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];
export const CHANNELS = ['immediate', 'digest', 'off'] as const;

type Preferences = Schemas['NotificationPreferencesResponse'];

/** Where a list stands: page n of N, and the address of any page. */
export interface Paging {
  page: number;
  pages: number;
  link: (page: number) => string;
}

export function pagingOf(total: number, limit: number, page: number, link: (page: number) => string): Paging {
  return { page, pages: Math.max(1, Math.ceil(total / limit)), link };
}

export function Pager({ ctx, paging }: { ctx: PageContext; paging: Paging }) {
  const { t } = ctx;
  if (paging.pages <= 1) return null;
  return (
    <nav aria-label={t('notices.pages')}>
      <ul class="etp-pager">
        {paging.page > 1 ? <li><a class="ecl-link" rel="prev" href={paging.link(paging.page - 1)}>{t('notices.previous')}</a></li> : null}
        <li aria-current="page">{t('notices.pageOf', { page: paging.page, pages: paging.pages })}</li>
        {paging.page < paging.pages ? <li><a class="ecl-link" rel="next" href={paging.link(paging.page + 1)}>{t('notices.next')}</a></li> : null}
      </ul>
    </nav>
  );
}

export interface NotificationsView {
  list: Schemas['NotificationResponse'][];
  total: number;
  unreadOnly: boolean;
  paging: Paging;
  preferences: Preferences | null;
  /** The form's values after a failed save, else the stored ones. */
  chosen?: { language: string; channels: Record<string, string> };
  notice?: string;
  errors?: FieldErrors;
}

export function NotificationsPage({ ctx, view }: { ctx: PageContext; view: NotificationsView }) {
  const { t } = ctx;
  const base = '/candidate/notifications';
  const back = { unread: view.unreadOnly ? '1' : '', page: String(view.paging.page) };
  // The API writes notifications in the mail language, which may differ from the page's.
  const lang = view.preferences && view.preferences.language !== ctx.locale ? view.preferences.language : undefined;
  return (
    <Layout ctx={ctx} title={t('notices.title')}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {view.notice ? <Notice>{view.notice}</Notice> : null}
      <PageTitle>{t('notices.title')}</PageTitle>
      <p class="etp-lead">{t('notices.lead')}</p>
      <nav aria-label={t('notices.show')}>
        <ul class="etp-filter">
          <li><a class="ecl-link" href={href(ctx, base)} aria-current={view.unreadOnly ? undefined : 'page'}>{t('notices.all')}</a></li>
          <li><a class="ecl-link" href={href(ctx, `${base}?unread=1`)} aria-current={view.unreadOnly ? 'page' : undefined}>{t('notices.unreadOnly')}</a></li>
        </ul>
      </nav>
      <p id="notifications-count">{t('notices.count', { count: view.total })}</p>
      {view.list.length ? (
        <>
          {ctx.unread ? (
            <Form ctx={ctx} action={href(ctx, `${base}/read`)}>
              <Back values={back} />
              <Submit label={t('notices.markAllRead')} secondary />
            </Form>
          ) : null}
          <ul class="etp-cards" aria-labelledby="notifications-count">
            {view.list.map((item) => (
              <li key={item.id} class={`etp-card${item.readAt ? '' : ' etp-card--unread'}`}>
                <div class="etp-card__head">
                  <h2 dir="auto" lang={lang}>{item.title}</h2>
                  {item.readAt ? null : <span class="etp-tag">{t('notices.new')}</span>}
                </div>
                <p class="etp-meta">{t('notices.received', { date: formatDateTime(ctx.locale, item.createdAt) })}</p>
                <p dir="auto" lang={lang}>{item.body}</p>
                {item.readAt ? null : (
                  <Form ctx={ctx} action={href(ctx, `${base}/${item.id}/read`)}>
                    <Back values={back} />
                    {/* The button names its notification, so that a list of them stays distinguishable. */}
                    <button type="submit" class="ecl-button ecl-button--tertiary" aria-describedby={`notification-${item.id}`}>{t('notices.markRead')}</button>
                    <span id={`notification-${item.id}`} class="etp-visually-hidden" lang={lang}>{item.title}</span>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{view.unreadOnly ? t('notices.noneUnread') : t('notices.none')}</p>
      )}
      <Pager ctx={ctx} paging={view.paging} />
      {view.preferences ? <PreferencesForm ctx={ctx} preferences={view.preferences} chosen={view.chosen} errors={view.errors} /> : null}
    </Layout>
  );
}

function Back({ values }: { values: Record<string, string> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (value ? <input key={name} type="hidden" name={`back_${name}`} value={value} /> : null))}
    </>
  );
}

function PreferencesForm({ ctx, preferences, chosen, errors }: { ctx: PageContext; preferences: Preferences; chosen?: NotificationsView['chosen']; errors?: FieldErrors }) {
  const { t } = ctx;
  const channels = preferences.channels as Record<string, string>;
  return (
    <section class="etp-panel" aria-labelledby="preferences-title">
      <h2 id="preferences-title">{t('notices.preferences')}</h2>
      <p>{t('notices.preferencesLead')}</p>
      <Form ctx={ctx} action={href(ctx, '/candidate/notifications/preferences')}>
        <SelectField
          name="language"
          label={t('notices.mailLanguage')}
          options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code], lang: code }))}
          value={chosen?.language ?? preferences.language}
          errors={errors}
        />
        {CANDIDATE_KINDS.map((kind) => (
          <RadioGroup
            key={kind}
            name={`channel-${kind}`}
            label={t(`notices.kinds.${kind}`)}
            value={chosen?.channels[kind] ?? channels[kind]}
            errors={errors}
            options={CHANNELS.map((channel) => ({ value: channel, label: t(`notices.channels.${channel}`) }))}
          />
        ))}
        <Submit label={t('notices.savePreferences')} />
      </Form>
    </section>
  );
}

/** A consent receipt with what the candidate's contacts say about it: the employer, the vacancy, whether it still stands. */
export interface ReceiptRow {
  receipt: Schemas['ConsentReceiptResponse'];
  employer: string | null;
  vacancy: string | null;
  /** The contact whose consent this receipt records, while that consent stands (it can be withdrawn). */
  withdrawable: string | null;
}

export function ConsentsPage({ ctx, rows, total, paging, notice, errors }: { ctx: PageContext; rows: ReceiptRow[]; total: number; paging: Paging; notice?: string; errors?: FieldErrors }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('notices.receipts.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice ? <Notice>{notice}</Notice> : null}
      <PageTitle>{t('notices.receipts.title')}</PageTitle>
      <p class="etp-lead">{t('notices.receipts.lead')}</p>
      {rows.length ? (
        <ul class="etp-cards">
          {rows.map(({ receipt, employer, vacancy, withdrawable }) => (
            <li key={receipt.id} class="etp-card">
              <h2>{receipt.event === 'granted' ? t('notices.receipts.granted') : t('notices.receipts.withdrawn')}</h2>
              <dl class="etp-facts">
                <dt>{t('notices.receipts.employer')}</dt>
                <dd>{employer ? <bdi>{employer}</bdi> : t('notices.receipts.unknown')}</dd>
                <dt>{t('notices.receipts.vacancy')}</dt>
                <dd>{vacancy ? (receipt.contactId ? <a class="ecl-link" href={href(ctx, `/candidate/contacts/${receipt.contactId}`)}><bdi>{vacancy}</bdi></a> : <bdi>{vacancy}</bdi>) : t('notices.receipts.unknown')}</dd>
                <dt>{t('notices.receipts.when')}</dt>
                <dd><Time locale={ctx.locale} value={receipt.recordedAt} /></dd>
                <dt>{t('notices.receipts.how')}</dt>
                <dd>{t(`notices.receipts.via.${receipt.via}`)}</dd>
                {receipt.event === 'granted' ? (
                  <>
                    <dt>{t('notices.receipts.disclosed')}</dt>
                    <dd>{new Intl.ListFormat(ctx.locale, { type: 'conjunction' }).format(receipt.fields.map((name) => t(`notices.receipts.fields.${name}`)))}</dd>
                  </>
                ) : null}
                <dt>{t('notices.receipts.textVersion')}</dt>
                <dd><bdi>{receipt.textVersion}</bdi></dd>
              </dl>
              {withdrawable ? (
                <Form ctx={ctx} action={href(ctx, `/candidate/consents/${withdrawable}/withdraw`)}>
                  <p>{t('notices.receipts.withdrawText')}</p>
                  <Submit label={t('notices.receipts.withdraw')} secondary />
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('notices.receipts.none')}</p>
      )}
      {total ? <Pager ctx={ctx} paging={paging} /> : null}
    </Layout>
  );
}

import type { Schemas } from '../../api/web-api';
import { formatDay } from '../../views/console';
import { DataTable } from '../../views/data-table';
import { Checkbox, ErrorSummary, Form, Notice, type Option, RadioGroup, SelectField, Submit, TextAreaField, TextField } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';
import { countryName } from '../reference-data';

type PartnerCountry = Schemas['PartnerCountryResponse'];
export type PartnerStatus = PartnerCountry['status'];
export const PARTNER_STATUSES: readonly PartnerStatus[] = ['eligible', 'talent_partnership', 'suspended'];
type MemberState = Schemas['MemberStateResponse'];
export type EntityType = MemberState['allowedEntityTypes'][number];
export const ENTITY_TYPES: readonly EntityType[] = ['employer', 'temporary_work_agency', 'private_employment_agency', 'labour_market_intermediary'];

export function PartnerCountriesPage({ ctx, countries, choices, notice }: { ctx: PageContext; countries: PartnerCountry[]; choices: Option[]; notice?: string }) {
  const { t } = ctx;
  const recorded = countries.filter((country) => country.effectiveFrom || country.next);
  return (
    <Layout ctx={ctx} title={t('admin.partners.title')}>
      {notice ? <Notice>{notice}</Notice> : null}
      <PageTitle>{t('admin.partners.title')}</PageTitle>
      <p class="etp-lead">{t('admin.partners.lead')}</p>
      {recorded.length ? (
        <DataTable caption={t('admin.partners.caption')} headers={[t('admin.partners.country'), t('admin.partners.status'), t('admin.partners.since'), t('admin.partners.next'), t('admin.partners.action')]} id="partner-countries">
          {recorded.map((country) => (
            <tr class="ecl-table__row" key={country.countryCode}>
              <th class="ecl-table__cell" scope="row">{countryName(ctx.locale, country.countryCode)}</th>
              <td class="ecl-table__cell">{t(`admin.partnerStatus.${country.status}`)}</td>
              <td class="ecl-table__cell">{formatDay(ctx.locale, country.effectiveFrom)}</td>
              <td class="ecl-table__cell">{country.next ? t('admin.partners.nextChange', { status: t(`admin.partnerStatus.${country.next.status}`), date: formatDay(ctx.locale, country.next.effectiveFrom) }) : '–'}</td>
              <td class="ecl-table__cell">
                <a class="ecl-link" href={href(ctx, `/admin/partner-countries/${country.countryCode}`)}>
                  {t('admin.partners.change')}<span class="ecl-u-sr-only"> {countryName(ctx.locale, country.countryCode)}</span>
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('admin.partners.noneRecorded')}</p>
      )}
      <section class="etp-panel" aria-labelledby="other-title">
        <h2 id="other-title">{t('admin.partners.otherTitle')}</h2>
        <p>{t('admin.partners.otherText')}</p>
        <form method="get" action={href(ctx, '/admin/partner-countries/choose')} class="etp-form">
          <SelectField name="country" label={t('admin.partners.country')} options={choices} placeholder={t('form.choose')} />
          <Submit label={t('form.continue')} secondary />
        </form>
      </section>
    </Layout>
  );
}

export interface ProposalAnswers {
  status: string;
  effectiveFrom: string;
  reason?: string;
}

export function PartnerCountryPage(props: { ctx: PageContext; country: PartnerCountry; history: Schemas['StatusHistoryResponse'][]; answers: ProposalAnswers; notice?: string; errors?: FieldErrors }) {
  const { ctx, country } = props;
  const { t } = ctx;
  const name = countryName(ctx.locale, country.countryCode);
  return (
    <Layout ctx={ctx} title={name}>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <p><a class="ecl-link" href={href(ctx, '/admin/partner-countries')}>{t('admin.partners.back')}</a></p>
      <PageTitle>{name}</PageTitle>
      <dl class="etp-facts">
        <dt>{t('admin.partners.status')}</dt>
        <dd id="partner-status">{t(`admin.partnerStatus.${country.status}`)}</dd>
        <dt>{t('admin.partners.since')}</dt>
        <dd>{formatDay(ctx.locale, country.effectiveFrom)}</dd>
        {country.reason ? (
          <>
            <dt>{t('admin.partners.reason')}</dt>
            <dd><bdi>{country.reason}</bdi></dd>
          </>
        ) : null}
        {country.next ? (
          <>
            <dt>{t('admin.partners.next')}</dt>
            <dd>{t('admin.partners.nextChange', { status: t(`admin.partnerStatus.${country.next.status}`), date: formatDay(ctx.locale, country.next.effectiveFrom) })}</dd>
          </>
        ) : null}
      </dl>
      <section class="etp-panel" aria-labelledby="propose-title">
        <h2 id="propose-title">{t('admin.partners.proposeTitle')}</h2>
        <p>{t('admin.partners.proposeText')}</p>
        <Form ctx={ctx} action={href(ctx, `/admin/partner-countries/${country.countryCode}/preview`)}>
          <RadioGroup name="status" label={t('admin.partners.newStatus')} options={PARTNER_STATUSES.map((status) => ({ value: status, label: t(`admin.partnerStatus.${status}`) }))} value={props.answers.status} errors={props.errors} />
          <TextField name="effectiveFrom" type="date" label={t('admin.partners.effectiveFrom')} hint={t('admin.dateHint')} value={props.answers.effectiveFrom} errors={props.errors} />
          <Submit label={t('admin.partners.preview')} />
        </Form>
      </section>
      <h2>{t('admin.partners.history')}</h2>
      {props.history.length ? (
        <DataTable caption={t('admin.partners.historyCaption', { country: name })} headers={[t('admin.partners.status'), t('admin.partners.effectiveFrom'), t('admin.partners.reason'), t('admin.partners.recordedAt')]} id="partner-history">
          {props.history.map((entry) => (
            <tr class="ecl-table__row" key={entry.recordedAt}>
              <td class="ecl-table__cell">{t(`admin.partnerStatus.${entry.status}`)}</td>
              <td class="ecl-table__cell">{formatDay(ctx.locale, entry.effectiveFrom)}</td>
              <td class="ecl-table__cell"><bdi>{entry.reason}</bdi></td>
              <td class="ecl-table__cell">{formatDay(ctx.locale, entry.recordedAt)}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('admin.partners.noHistory')}</p>
      )}
    </Layout>
  );
}

/** Step two: what the change would do, before the administrator confirms it with a reason. */
export function ImpactPreviewPage({ ctx, preview, reason, errors }: { ctx: PageContext; preview: Schemas['ImpactPreviewResponse']; reason?: string; errors?: FieldErrors }) {
  const { t } = ctx;
  const name = countryName(ctx.locale, preview.countryCode);
  const title = t('admin.preview.title', { country: name });
  const number = (value: number) => <bdi>{value.toLocaleString(ctx.locale)}</bdi>;
  return (
    <Layout ctx={ctx} title={title}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p><a class="ecl-link" href={href(ctx, `/admin/partner-countries/${preview.countryCode}`)}>{t('admin.preview.back')}</a></p>
      <PageTitle>{title}</PageTitle>
      <p class="etp-lead">
        {t('admin.preview.change', { from: t(`admin.partnerStatus.${preview.currentStatus}`), to: t(`admin.partnerStatus.${preview.proposedStatus}`), date: formatDay(ctx.locale, preview.effectiveFrom) })}
      </p>
      <section class={`etp-panel${preview.visibility === 'hidden' ? ' etp-panel--warning' : ''}`} aria-labelledby="impact-title" id="impact">
        <h2 id="impact-title">{t('admin.preview.impact')}</h2>
        <p>{t(`admin.preview.visibility.${preview.visibility}`)}</p>
        <dl class="etp-facts">
          <dt>{t('admin.preview.activeProfiles')}</dt>
          <dd id="impact-active">{number(preview.activeProfiles)}</dd>
          <dt>{t('admin.preview.profilesAffected')}</dt>
          <dd id="impact-profiles">{number(preview.profilesAffected)}</dd>
          <dt>{t('admin.preview.matches')}</dt>
          <dd id="impact-matches">
            {preview.matches.effect === 'removed' && preview.matches.affected !== null
              ? t('admin.preview.matchesRemoved', { matches: preview.matches.affected, candidates: preview.matches.candidates })
              : preview.matches.effect === 'restored'
                ? t('admin.preview.matchesRestored', { candidates: preview.matches.candidates })
                : t('admin.preview.matchesNone')}
          </dd>
        </dl>
        {preview.visibility === 'hidden' ? <p>{t('admin.preview.notified')}</p> : null}
      </section>
      <Form ctx={ctx} action={href(ctx, `/admin/partner-countries/${preview.countryCode}/status`)}>
        <input type="hidden" name="status" value={preview.proposedStatus} />
        <input type="hidden" name="effectiveFrom" value={preview.effectiveFrom} />
        <TextAreaField name="reason" label={t('admin.preview.reason')} hint={t('admin.preview.reasonHint')} value={reason} errors={errors} rows={3} />
        <div class="etp-actions">
          <Submit label={t('admin.preview.confirm')} />
          <a class="ecl-link" href={href(ctx, `/admin/partner-countries/${preview.countryCode}`)}>{t('admin.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}

export function MemberStatesPage({ ctx, states, notice }: { ctx: PageContext; states: MemberState[]; notice?: string }) {
  const { t } = ctx;
  const collator = new Intl.Collator(ctx.locale);
  const sorted = [...states].sort((a, b) => collator.compare(countryName(ctx.locale, a.countryCode), countryName(ctx.locale, b.countryCode)));
  return (
    <Layout ctx={ctx} title={t('admin.states.title')}>
      {notice ? <Notice>{notice}</Notice> : null}
      <PageTitle>{t('admin.states.title')}</PageTitle>
      <p class="etp-lead">{t('admin.states.lead')}</p>
      <DataTable caption={t('admin.states.caption')} headers={[t('admin.states.state'), t('admin.states.participation'), t('admin.states.start'), t('admin.states.withdrawal'), t('admin.states.entityTypes'), t('admin.partners.action')]} id="member-states">
        {sorted.map((state) => (
          <tr class="ecl-table__row" key={state.countryCode}>
            <th class="ecl-table__cell" scope="row">{countryName(ctx.locale, state.countryCode)}</th>
            <td class="ecl-table__cell">{state.participating ? t('admin.states.participating') : t('admin.states.notParticipating')}</td>
            <td class="ecl-table__cell">{formatDay(ctx.locale, state.participationStartDate)}</td>
            <td class="ecl-table__cell">{formatDay(ctx.locale, state.withdrawalDate)}</td>
            <td class="ecl-table__cell">{entityTypes(ctx, state.allowedEntityTypes)}</td>
            <td class="ecl-table__cell">
              <a class="ecl-link" href={href(ctx, `/admin/member-states/${state.countryCode}`)}>
                {t('admin.partners.change')}<span class="ecl-u-sr-only"> {countryName(ctx.locale, state.countryCode)}</span>
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
    </Layout>
  );
}

/** Types of organisation as a list in the page's language ("a, b and c"; Arabic commas on Arabic pages). */
function entityTypes(ctx: PageContext, types: readonly string[]): string {
  if (!types.length) return '–';
  return new Intl.ListFormat(ctx.locale, { style: 'long', type: 'conjunction' }).format(types.map((type) => ctx.t(`ncp.entityTypes.${type}`)));
}

export interface ParticipationAnswers {
  participating: string;
  notificationDate: string;
  participationStartDate: string;
  withdrawalDate: string;
  allowedEntityTypes: string[];
  reason: string;
}

export function answersOf(state: MemberState): ParticipationAnswers {
  return {
    participating: state.participating ? 'yes' : 'no',
    notificationDate: state.notificationDate ?? '',
    participationStartDate: state.participationStartDate ?? '',
    withdrawalDate: state.withdrawalDate ?? '',
    allowedEntityTypes: [...state.allowedEntityTypes],
    reason: '',
  };
}

export function ParticipationPage({ ctx, state, answers, errors }: { ctx: PageContext; state: MemberState; answers: ParticipationAnswers; errors?: FieldErrors }) {
  const { t } = ctx;
  const name = countryName(ctx.locale, state.countryCode);
  const title = t('admin.states.changeTitle', { state: name });
  return (
    <Layout ctx={ctx} title={title}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p><a class="ecl-link" href={href(ctx, '/admin/member-states')}>{t('admin.states.back')}</a></p>
      <PageTitle>{title}</PageTitle>
      <Form ctx={ctx} action={href(ctx, `/admin/member-states/${state.countryCode}/review`)}>
        <RadioGroup name="participating" label={t('admin.states.participation')} options={[{ value: 'yes', label: t('admin.states.participating') }, { value: 'no', label: t('admin.states.notParticipating') }]} value={answers.participating} errors={errors} />
        <TextField name="notificationDate" type="date" label={t('admin.states.notification')} hint={t('admin.dateHint')} value={answers.notificationDate} errors={errors} optional={t('form.optional')} />
        <TextField name="participationStartDate" type="date" label={t('admin.states.start')} hint={t('admin.states.startHint')} value={answers.participationStartDate} errors={errors} optional={t('form.optional')} />
        <TextField name="withdrawalDate" type="date" label={t('admin.states.withdrawal')} hint={t('admin.dateHint')} value={answers.withdrawalDate} errors={errors} optional={t('form.optional')} />
        <fieldset class="ecl-form-group etp-field">
          <legend class="ecl-form-label">{t('admin.states.entityTypes')}</legend>
          {ENTITY_TYPES.map((type) => (
            <Checkbox key={type} name="allowedEntityTypes" value={type} label={t(`ncp.entityTypes.${type}`)} checked={answers.allowedEntityTypes.includes(type)} />
          ))}
        </fieldset>
        <TextAreaField name="reason" label={t('admin.states.reason')} hint={t('admin.states.reasonHint')} value={answers.reason} errors={errors} rows={3} />
        <Submit label={t('admin.states.review')} />
      </Form>
    </Layout>
  );
}

/** The change side by side with what is in force, confirmed by a second submit. */
export function ParticipationReviewPage({ ctx, state, answers }: { ctx: PageContext; state: MemberState; answers: ParticipationAnswers }) {
  const { t } = ctx;
  const name = countryName(ctx.locale, state.countryCode);
  const title = t('admin.states.confirmTitle', { state: name });
  const before = answersOf(state);
  const rows: Array<[string, (answers: ParticipationAnswers) => string]> = [
    ['admin.states.participation', (a) => (a.participating === 'yes' ? t('admin.states.participating') : t('admin.states.notParticipating'))],
    ['admin.states.notification', (a) => formatDay(ctx.locale, a.notificationDate)],
    ['admin.states.start', (a) => formatDay(ctx.locale, a.participationStartDate)],
    ['admin.states.withdrawal', (a) => formatDay(ctx.locale, a.withdrawalDate)],
    ['admin.states.entityTypes', (a) => entityTypes(ctx, a.allowedEntityTypes)],
  ];
  return (
    <Layout ctx={ctx} title={title}>
      <PageTitle>{title}</PageTitle>
      <DataTable caption={t('admin.states.comparison', { state: name })} headers={['', t('admin.states.now'), t('admin.states.after')]} id="participation-change">
        {rows.map(([label, show]) => (
          <tr class={`ecl-table__row${show(before) !== show(answers) ? ' etp-changed' : ''}`} key={label}>
            <th class="ecl-table__cell" scope="row">{t(label)}</th>
            <td class="ecl-table__cell">{show(before)}</td>
            <td class="ecl-table__cell">{show(answers)}</td>
          </tr>
        ))}
      </DataTable>
      <p>{t('admin.states.reason')}: <bdi>{answers.reason}</bdi></p>
      <Form ctx={ctx} action={href(ctx, `/admin/member-states/${state.countryCode}`)}>
        {(['participating', 'notificationDate', 'participationStartDate', 'withdrawalDate', 'reason'] as const).map((name) => <input key={name} type="hidden" name={name} value={answers[name]} />)}
        {answers.allowedEntityTypes.map((type) => <input key={type} type="hidden" name="allowedEntityTypes" value={type} />)}
        <div class="etp-actions">
          <Submit label={t('admin.states.confirm')} />
          <a class="ecl-link" href={href(ctx, `/admin/member-states/${state.countryCode}`)}>{t('admin.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}

export function InviteNcpPage({ ctx, states, answers, notice, errors }: { ctx: PageContext; states: Option[]; answers?: { email: string; memberState: string }; notice?: string; errors?: FieldErrors }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.invite.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice ? <Notice>{notice}</Notice> : null}
      <PageTitle>{t('admin.invite.title')}</PageTitle>
      <p class="etp-lead">{t('admin.invite.lead')}</p>
      <Form ctx={ctx} action={href(ctx, '/admin/ncp-invitations')}>
        <TextField name="email" type="email" label={t('admin.invite.email')} value={answers?.email} errors={errors} autocomplete="off" dir="ltr" />
        <SelectField name="memberState" label={t('admin.invite.memberState')} options={states} value={answers?.memberState} placeholder={t('form.choose')} errors={errors} />
        <Submit label={t('admin.invite.submit')} />
      </Form>
    </Layout>
  );
}

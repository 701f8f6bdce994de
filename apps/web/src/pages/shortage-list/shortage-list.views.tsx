import type { Schemas } from '../../api/web-api';
import type { Concept } from '../candidate/esco';
import { formatDay } from '../../views/console';
import { DataTable } from '../../views/data-table';
import { ErrorSummary, Form, Notice, type Option, RadioGroup, SelectField, Submit, TextAreaField, TextField } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';
import { countryName } from '../reference-data';

export type ShortageEntry = Schemas['ShortageEntryResponse'];

/** Whose layer a page edits: the EU layer (administrators) or one Member State's (its NCP). */
export interface ShortageScope {
  readonly layer: 'eu' | 'member_state';
  readonly memberState?: string;
  /** The page's path without the locale, e.g. `/ncp/shortage-list`. */
  readonly base: string;
}

export interface AdditionAnswers {
  occupationUri: string;
  effect: string;
  sectorCode: string;
  validFrom: string;
  validTo: string;
  reason: string;
}

export interface ShortageListView {
  scope: ShortageScope;
  /** The entries that apply today: the EU layer, and for a Member State its own additions. */
  entries: ShortageEntry[];
  /** A Member State's removals of EU entries. */
  removals: ShortageEntry[];
  sectors: Option[];
  query: string;
  results: Concept[];
  answers?: AdditionAnswers;
  notice?: string;
  errors?: FieldErrors;
}

/** The entry's occupation, or ISCO-08 group with its code (a group's label alone is easily mistaken for one occupation). */
function occupationOf(ctx: PageContext, entry: ShortageEntry) {
  const label = entry.label ? <span lang={entry.labelLanguage ?? undefined}>{entry.label}</span> : null;
  if (entry.iscoCode === null) return label ?? <bdi>{entry.occupationUri}</bdi>;
  const group = ctx.t('ncp.shortage.iscoGroup', { code: entry.iscoCode });
  return label ? <>{label} ({group})</> : <>{group}</>;
}

export function entryName(entry: ShortageEntry): string {
  return entry.label ?? entry.iscoCode ?? entry.occupationUri ?? '';
}

function validity(ctx: PageContext, entry: ShortageEntry): string {
  return entry.validTo ? ctx.t('ncp.shortage.validRange', { from: formatDay(ctx.locale, entry.validFrom), to: formatDay(ctx.locale, entry.validTo) }) : ctx.t('ncp.shortage.validFrom', { from: formatDay(ctx.locale, entry.validFrom) });
}

export function ShortageListPage({ ctx, view }: { ctx: PageContext; view: ShortageListView }) {
  const { t } = ctx;
  const { scope } = view;
  const national = scope.layer === 'member_state';
  const state = scope.memberState ? countryName(ctx.locale, scope.memberState) : '';
  const title = national ? t('ncp.shortage.nationalTitle', { state }) : t('ncp.shortage.euTitle');
  const own = (entry: ShortageEntry) => entry.layer === scope.layer;
  const headers = [t('ncp.shortage.occupation'), t('ncp.shortage.sector'), t('ncp.shortage.layer'), t('ncp.shortage.validity'), t('ncp.shortage.action')];
  return (
    <Layout ctx={ctx} title={title}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {view.notice ? <Notice>{view.notice}</Notice> : null}
      <PageTitle>{title}</PageTitle>
      <p class="etp-lead">{national ? t('ncp.shortage.nationalLead', { state }) : t('ncp.shortage.euLead')}</p>
      {/* On a phone the list runs long before the form: one step to it. */}
      <p><a class="ecl-link" href="#add-title">{t('ncp.shortage.addTitle')}</a></p>
      <h2>{t('ncp.shortage.current', { count: view.entries.length })}</h2>
      {view.entries.length ? (
        <DataTable caption={title} headers={headers} id="shortage-entries">
          {view.entries.map((entry) => (
            <tr class="ecl-table__row" key={entry.entryId}>
              <td class="ecl-table__cell">{occupationOf(ctx, entry)}</td>
              <td class="ecl-table__cell">{view.sectors.find((sector) => sector.value === entry.sectorCode)?.label ?? entry.sectorCode}</td>
              <td class="ecl-table__cell">{entry.layer === 'eu' ? t('ncp.shortage.euLayer') : t('ncp.shortage.nationalLayer')}</td>
              <td class="ecl-table__cell">{validity(ctx, entry)}</td>
              <td class="ecl-table__cell">
                {own(entry) ? (
                  <a class="ecl-link" href={href(ctx, `${scope.base}/entries/${entry.entryId}/withdraw`)}>
                    {t('form.remove')}<span class="ecl-u-sr-only"> {entryName(entry)}</span>
                  </a>
                ) : '–'}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('ncp.shortage.none')}</p>
      )}
      {national ? (
        <>
          <h2>{t('ncp.shortage.removals', { count: view.removals.length })}</h2>
          <p>{t('ncp.shortage.removalsText')}</p>
          {view.removals.length ? (
            <DataTable caption={t('ncp.shortage.removalsCaption', { state })} headers={[t('ncp.shortage.occupation'), t('ncp.shortage.validity'), t('ncp.shortage.action')]} id="shortage-removals">
              {view.removals.map((entry) => (
                <tr class="ecl-table__row" key={entry.entryId}>
                  <td class="ecl-table__cell">{occupationOf(ctx, entry)}</td>
                  <td class="ecl-table__cell">{validity(ctx, entry)}</td>
                  <td class="ecl-table__cell">
                    <a class="ecl-link" href={href(ctx, `${scope.base}/entries/${entry.entryId}/withdraw`)}>
                      {t('ncp.shortage.withdrawRemoval')}<span class="ecl-u-sr-only"> {entryName(entry)}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : null}
        </>
      ) : null}
      <section class="etp-panel" aria-labelledby="add-title">
        <h2 id="add-title">{t('ncp.shortage.addTitle')}</h2>
        <form method="get" action={href(ctx, scope.base)} role="search" class="etp-form" id="occupation-search">
          <TextField name="q" type="search" label={t('ncp.shortage.search')} hint={t('ncp.shortage.searchHint')} value={view.query} errors={view.errors} />
          <Submit label={t('form.search')} secondary />
        </form>
        {view.query && !view.results.length ? <p>{t('ncp.shortage.noResults')}</p> : null}
        {view.results.length ? (
          <Form ctx={ctx} action={href(ctx, `${scope.base}/entries`)}>
            <input type="hidden" name="q" value={view.query} />
            <RadioGroup
              name="occupationUri"
              label={t('ncp.shortage.pick')}
              options={view.results.map((concept) => ({ value: concept.uri, label: concept.label, lang: concept.lang }))}
              value={view.answers?.occupationUri}
              errors={view.errors}
            />
            {national ? (
              <RadioGroup
                name="effect"
                label={t('ncp.shortage.effect')}
                options={[{ value: 'addition', label: t('ncp.shortage.addition') }, { value: 'removal', label: t('ncp.shortage.removal') }]}
                value={view.answers?.effect ?? 'addition'}
                errors={view.errors}
              />
            ) : (
              <input type="hidden" name="effect" value="addition" />
            )}
            <SelectField name="sectorCode" label={t('ncp.shortage.sector')} options={view.sectors} value={view.answers?.sectorCode} placeholder={t('form.choose')} errors={view.errors} />
            <div class="etp-row">
              <TextField name="validFrom" type="date" label={t('ncp.shortage.from')} hint={t('ncp.shortage.dateHint')} value={view.answers?.validFrom} errors={view.errors} />
              <TextField name="validTo" type="date" label={t('ncp.shortage.to')} hint={t('ncp.shortage.toHint')} value={view.answers?.validTo} errors={view.errors} optional={t('form.optional')} />
            </div>
            <TextAreaField name="reason" label={t('ncp.shortage.reason')} hint={t('ncp.shortage.reasonHint')} value={view.answers?.reason} errors={view.errors} rows={3} />
            <Submit label={t('ncp.shortage.addSubmit')} />
          </Form>
        ) : null}
      </section>
    </Layout>
  );
}

export function WithdrawEntryPage({ ctx, scope, entry, errors, reason }: { ctx: PageContext; scope: ShortageScope; entry: ShortageEntry; errors?: FieldErrors; reason?: string }) {
  const { t } = ctx;
  const title = entry.effect === 'removal' ? t('ncp.shortage.withdrawRemovalTitle') : t('ncp.shortage.withdrawTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p><a class="ecl-link" href={href(ctx, scope.base)}>{t('ncp.shortage.back')}</a></p>
      <PageTitle>{title}</PageTitle>
      <dl class="etp-facts">
        <dt>{t('ncp.shortage.occupation')}</dt>
        <dd>{occupationOf(ctx, entry)}</dd>
        <dt>{t('ncp.shortage.layer')}</dt>
        <dd>{entry.layer === 'eu' ? t('ncp.shortage.euLayer') : t('ncp.shortage.nationalLayer')}</dd>
        <dt>{t('ncp.shortage.validity')}</dt>
        <dd>{validity(ctx, entry)}</dd>
        <dt>{t('ncp.shortage.recordedReason')}</dt>
        <dd><bdi>{entry.reason}</bdi></dd>
      </dl>
      <p>{entry.effect === 'removal' ? t('ncp.shortage.withdrawRemovalText') : t('ncp.shortage.withdrawText')}</p>
      <Form ctx={ctx} action={href(ctx, `${scope.base}/entries/${entry.entryId}/withdraw`)}>
        <TextAreaField name="reason" label={t('ncp.shortage.reason')} hint={t('ncp.shortage.reasonHint')} value={reason} errors={errors} rows={3} />
        <div class="etp-actions">
          <Submit label={t('ncp.shortage.withdrawSubmit')} />
          <a class="ecl-link" href={href(ctx, scope.base)}>{t('ncp.shortage.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}

import type { Response } from 'express';
import { type ApiClient, apiError, readAllPages } from '../../api/web-api';
import { escoLanguage } from '../../i18n/locales';
import { ISO_DAY, today } from '../../views/console';
import type { Option } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import type { PageContext } from '../../views/page-context';
import { searchConcepts } from '../candidate/esco';
import { field } from '../form-body';
import type { Pages } from '../pages.service';
import { type AdditionAnswers, entryName, type ShortageEntry, ShortageListPage, type ShortageListView, type ShortageScope, WithdrawEntryPage } from './shortage-list.views';

const REASON_MIN = 5;
const REASON_MAX = 1000;

/** The API keeps a reason of 5 to 1,000 characters with every change; the page says so before asking it. */
export function reasonErrors(ctx: PageContext, reason: string, label: string): FieldErrors {
  const { t } = ctx;
  if (!reason) return [{ field: 'reason', message: t('errors.required', { field: t(label) }) }];
  if (reason.length < REASON_MIN || reason.length > REASON_MAX) return [{ field: 'reason', message: t('ncp.reasonLength', { min: REASON_MIN, max: REASON_MAX }) }];
  return [];
}

/**
 * The shortage-list pages shared by an NCP (its Member State's layer) and an administrator (the EU
 * layer): the list, the server-side ESCO search that picks an occupation, adding and withdrawing.
 */
export class ShortageListFlow {
  constructor(private readonly pages: Pages) {}

  async show(res: Response, ctx: PageContext, api: ApiClient, scope: ShortageScope, query: unknown, done?: unknown, errors?: FieldErrors, answers?: AdditionAnswers): Promise<void> {
    const text = typeof query === 'string' ? query.trim().slice(0, 200) : '';
    const lang = escoLanguage(ctx.locale);
    const [lists, sectors, results] = await Promise.all([this.lists(api, scope, lang), this.sectors(api), searchConcepts(api, 'occupations', text, lang)]);
    const notice = done === 'added' ? ctx.t('ncp.shortage.added') : done === 'withdrawn' ? ctx.t('ncp.shortage.withdrawn') : undefined;
    const view: ShortageListView = { scope, ...lists, sectors, query: text, results, notice, errors, answers: answers ?? { occupationUri: '', effect: 'addition', sectorCode: '', validFrom: today(), validTo: '', reason: '' } };
    this.pages.send(res, <ShortageListPage ctx={ctx} view={view} />, errors ? 400 : 200);
  }

  async add(res: Response, ctx: PageContext, api: ApiClient, scope: ShortageScope, body: unknown): Promise<void> {
    const { t } = ctx;
    const answers: AdditionAnswers = {
      occupationUri: field(body, 'occupationUri'),
      effect: scope.layer === 'eu' ? 'addition' : field(body, 'effect'),
      sectorCode: field(body, 'sectorCode'),
      validFrom: field(body, 'validFrom'),
      validTo: field(body, 'validTo'),
      reason: field(body, 'reason'),
    };
    const effect = (['addition', 'removal'] as const).find((option) => option === answers.effect);
    const errors: FieldErrors = [
      ...(answers.occupationUri ? [] : [{ field: 'occupationUri', message: t('errors.choose', { field: t('ncp.shortage.occupation') }) }]),
      ...(effect ? [] : [{ field: 'effect', message: t('errors.choose', { field: t('ncp.shortage.effect') }) }]),
      ...(answers.sectorCode ? [] : [{ field: 'sectorCode', message: t('errors.choose', { field: t('ncp.shortage.sector') }) }]),
      ...(ISO_DAY.test(answers.validFrom) ? [] : [{ field: 'validFrom', message: `${t('errors.invalid', { field: t('ncp.shortage.from') })}. ${t('ncp.shortage.dateHint')}` }]),
      ...(!answers.validTo || ISO_DAY.test(answers.validTo) ? [] : [{ field: 'validTo', message: `${t('errors.invalid', { field: t('ncp.shortage.to') })}. ${t('ncp.shortage.dateHint')}` }]),
      ...reasonErrors(ctx, answers.reason, 'ncp.shortage.reason'),
    ];
    const query = field(body, 'q');
    if (errors.length || !effect) return this.show(res, ctx, api, scope, query, undefined, errors, answers);
    const { response, error } = await api.POST('/api/v1/shortage-occupations/entries', {
      body: {
        layer: scope.layer,
        ...(scope.memberState ? { memberState: scope.memberState } : {}),
        effect,
        occupationUri: answers.occupationUri,
        sectorCode: answers.sectorCode,
        validFrom: answers.validFrom,
        // The generated type of this optional, nullable day is not a string (an OpenAPI generator quirk).
        ...(answers.validTo ? { validTo: answers.validTo as never } : {}),
        reason: answers.reason,
      },
    });
    if (!response.ok) {
      const refusal = apiError(error);
      const message = refusal?.code === 'SHORTAGE_ENTRY_EXISTS' ? t('ncp.shortage.exists') : (refusal?.message ?? t('errors.generic'));
      return this.show(res, ctx, api, scope, query, undefined, [{ field: refusal?.code === 'SHORTAGE_ENTRY_EXISTS' ? 'occupationUri' : '_', message }], answers);
    }
    this.pages.redirect(res, ctx, `${scope.base}?done=added`);
  }

  async confirmWithdraw(res: Response, ctx: PageContext, api: ApiClient, scope: ShortageScope, entryId: string, errors?: FieldErrors, reason?: string): Promise<void> {
    const entry = await this.current(api, entryId);
    if (!entry || entry.layer !== scope.layer) return this.pages.redirect(res, ctx, scope.base);
    this.pages.send(res, <WithdrawEntryPage ctx={ctx} scope={scope} entry={entry} errors={errors} reason={reason} />, errors ? 400 : 200);
  }

  async withdraw(res: Response, ctx: PageContext, api: ApiClient, scope: ShortageScope, entryId: string, body: unknown): Promise<void> {
    const reason = field(body, 'reason');
    const errors = reasonErrors(ctx, reason, 'ncp.shortage.reason');
    if (errors.length) return this.confirmWithdraw(res, ctx, api, scope, entryId, errors, reason);
    const { response, error } = await api.POST('/api/v1/shortage-occupations/entries/{entryId}/withdraw', { params: { path: { entryId } }, body: { reason } });
    if (!response.ok) return this.confirmWithdraw(res, ctx, api, scope, entryId, [{ field: '_', message: apiError(error)?.message ?? ctx.t('errors.generic') }], reason);
    this.pages.redirect(res, ctx, `${scope.base}?done=withdrawn`);
  }

  /** The entry's newest version (the API keeps every version; the newest is the one in force). */
  private async current(api: ApiClient, entryId: string): Promise<ShortageEntry | undefined> {
    const { data } = await api.GET('/api/v1/shortage-occupations/entries/{entryId}/history', { params: { path: { entryId }, query: { limit: 100 } } });
    const versions = data?.items ?? [];
    return versions[versions.length - 1];
  }

  /**
   * The list as it applies today: a Member State's resolved list (the EU layer, its own additions,
   * less its removals), or for the EU scope the EU layer itself, entries some states removed included.
   */
  private async lists(api: ApiClient, scope: ShortageScope, lang: 'en' | 'fr' | 'es'): Promise<{ entries: ShortageEntry[]; removals: ShortageEntry[] }> {
    const collator = new Intl.Collator(lang);
    const byLabel = (a: ShortageEntry, b: ShortageEntry) => collator.compare(entryName(a), entryName(b));
    if (!scope.memberState) {
      const entries = await readAllPages(async (page) => (await api.GET('/api/v1/shortage-occupations/eu-layer', { params: { query: { lang, ...page } } })).data);
      return { entries: entries.sort(byLabel), removals: [] };
    }
    const { data } = await api.GET('/api/v1/shortage-occupations', { params: { query: { memberState: scope.memberState, lang } } });
    return { entries: (data?.entries ?? []).sort(byLabel), removals: (data?.removals ?? []).sort(byLabel) };
  }

  private async sectors(api: ApiClient): Promise<Option[]> {
    const { data } = await api.GET('/api/v1/shortage-occupations/sectors');
    return (data ?? []).map((sector) => ({ value: sector.code, label: sector.name, lang: 'en' }));
  }
}

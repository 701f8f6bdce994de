import { ErrorSummary, Form, Notice, type Option, RadioGroup, SelectField, Submit } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';

export interface EligibilityAnswers {
  residence: string;
  citizenship: string;
  adult: string;
}

export type EligibilityVerdict = { eligible: true } | { eligible: false; reasons: string[] };

export function EligibilityPage(props: { ctx: PageContext; countries: Option[]; answers?: EligibilityAnswers; errors?: FieldErrors; verdict?: EligibilityVerdict }) {
  const { ctx, countries, answers, errors, verdict } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('eligibility.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PageTitle>{t('eligibility.title')}</PageTitle>
      {verdict?.eligible ? (
        <Notice>
          <strong>{t('eligibility.eligible')}</strong> {t('eligibility.eligibleText')}{' '}
          <a class="ecl-link" href={href(ctx, '/register')}>{t('landing.start')}</a>
        </Notice>
      ) : null}
      {verdict && !verdict.eligible ? (
        <Notice kind="warning">
          <strong>{t('eligibility.notEligible')}</strong>
          <ul>{verdict.reasons.map((reason) => <li key={reason}>{reason}</li>)}</ul>
        </Notice>
      ) : null}
      <p>{t('eligibility.lead')}</p>
      <Form ctx={ctx} action={href(ctx, '/eligibility')}>
        <SelectField name="residence" label={t('eligibility.residence')} options={countries} value={answers?.residence} placeholder={t('form.choose')} errors={errors} />
        <SelectField name="citizenship" label={t('eligibility.citizenship')} options={countries} value={answers?.citizenship} placeholder={t('form.choose')} errors={errors} />
        <RadioGroup name="adult" label={t('eligibility.adult')} value={answers?.adult} errors={errors} options={[{ value: 'yes', label: t('form.yes') }, { value: 'no', label: t('form.no') }]} />
        <Submit label={t('eligibility.submit')} />
      </Form>
    </Layout>
  );
}

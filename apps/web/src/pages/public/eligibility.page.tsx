import { ErrorSummary, Form, Notice, type OptionGroup, RadioGroup, SelectField, Submit } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';

export interface EligibilityAnswers {
  residence: string;
  citizenship: string;
  adult: string;
}

/** The answer, with what the partner-country list says about the chosen countries (status, a scheduled change). */
export type EligibilityVerdict = ({ eligible: true } | { eligible: false; reasons: string[] }) & { facts: string[] };

export function EligibilityPage(props: { ctx: PageContext; countries: OptionGroup[]; answers?: EligibilityAnswers; errors?: FieldErrors; verdict?: EligibilityVerdict }) {
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
          <Facts facts={verdict.facts} />
        </Notice>
      ) : null}
      {verdict && !verdict.eligible ? (
        <Notice kind="warning">
          <strong>{t('eligibility.notEligible')}</strong>
          <ul>{verdict.reasons.map((reason) => <li key={reason}>{reason}</li>)}</ul>
          <Facts facts={verdict.facts} />
        </Notice>
      ) : null}
      <p>{t('eligibility.lead')}</p>
      <Form ctx={ctx} action={href(ctx, '/eligibility')}>
        <SelectField name="residence" label={t('eligibility.residence')} options={[]} groups={countries} value={answers?.residence} placeholder={t('form.choose')} errors={errors} />
        <SelectField name="citizenship" label={t('eligibility.citizenship')} options={[]} groups={countries} value={answers?.citizenship} placeholder={t('form.choose')} errors={errors} />
        <RadioGroup name="adult" label={t('eligibility.adult')} value={answers?.adult} errors={errors} options={[{ value: 'yes', label: t('form.yes') }, { value: 'no', label: t('form.no') }]} />
        <Submit label={t('eligibility.submit')} />
      </Form>
    </Layout>
  );
}

function Facts({ facts }: { facts: string[] }) {
  return facts.length ? <ul id="eligibility-facts">{facts.map((fact) => <li key={fact}>{fact}</li>)}</ul> : null;
}

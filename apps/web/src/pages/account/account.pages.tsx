import type { ComponentChildren } from 'preact';
import { ErrorSummary, Form, Notice, Submit, TextField } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';

interface FormPageProps {
  ctx: PageContext;
  title: string;
  lead?: string;
  action: string;
  submit: string;
  errors?: FieldErrors;
  notice?: ComponentChildren;
  children?: ComponentChildren;
  after?: ComponentChildren;
}

/** The shape of every account page: title, error summary, a short form, links below. */
export function FormPage(props: FormPageProps) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title}>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <PageTitle>{props.title}</PageTitle>
      {props.lead ? <p class="etp-lead">{props.lead}</p> : null}
      <Form ctx={ctx} action={href(ctx, props.action)}>
        {props.children}
        <Submit label={props.submit} />
      </Form>
      {props.after}
    </Layout>
  );
}

export function MessagePage({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <Layout ctx={ctx} title={title}>
      <PageTitle>{title}</PageTitle>
      {children}
    </Layout>
  );
}

export function RegisterPage({ ctx, email, errors }: { ctx: PageContext; email?: string; errors?: FieldErrors }) {
  const { t } = ctx;
  return (
    <FormPage ctx={ctx} title={t('register.title')} lead={t('register.lead')} action="/register" submit={t('register.submit')} errors={errors}
      after={
        <>
          <p><a class="ecl-link" href={href(ctx, '/sign-in')}>{t('register.haveAccount')}</a></p>
          <p><a class="ecl-link" href={href(ctx, '/employers/register')}>{t('employer.register.link')}</a></p>
        </>
      }>
      <TextField name="email" type="email" autocomplete="email" dir="ltr" label={t('register.email')} hint={t('register.emailHint')} value={email} errors={errors} />
    </FormPage>
  );
}

export function RegisterSentPage({ ctx, email }: { ctx: PageContext; email: string }) {
  const { t } = ctx;
  const [before, after] = t('register.sentText').split('{{email}}');
  return (
    <MessagePage ctx={ctx} title={t('register.sentTitle')}>
      <p class="etp-lead">{before}<bdi>{email}</bdi>{after}</p>
    </MessagePage>
  );
}

export function VerifyPage({ ctx, token, errors }: { ctx: PageContext; token: string; errors?: FieldErrors }) {
  const { t } = ctx;
  return (
    <FormPage ctx={ctx} title={t('verify.title')} lead={t('verify.lead')} action="/verify-email" submit={t('verify.submit')} errors={errors}>
      <input type="hidden" name="token" value={token} />
      <TextField name="password" type="password" autocomplete="new-password" dir="ltr" label={t('verify.password')} hint={t('verify.passwordHint')} errors={errors} />
      <TextField name="confirm" type="password" autocomplete="new-password" dir="ltr" label={t('verify.confirm')} errors={errors} />
    </FormPage>
  );
}

export function SignInPage({ ctx, email, errors, notice }: { ctx: PageContext; email?: string; errors?: FieldErrors; notice?: string }) {
  const { t } = ctx;
  return (
    <FormPage ctx={ctx} title={t('signIn.title')} action="/sign-in" submit={t('signIn.submit')} errors={errors} notice={notice}
      after={<ul class="etp-list"><li><a class="ecl-link" href={href(ctx, '/forgot-password')}>{t('signIn.forgot')}</a></li><li><a class="ecl-link" href={href(ctx, '/register')}>{t('signIn.noAccount')}</a></li></ul>}>
      <TextField name="email" type="email" autocomplete="email" dir="ltr" label={t('signIn.email')} value={email} errors={errors} />
      <TextField name="password" type="password" autocomplete="current-password" dir="ltr" label={t('signIn.password')} errors={errors} />
    </FormPage>
  );
}

export function ForgotPasswordPage({ ctx, email, errors }: { ctx: PageContext; email?: string; errors?: FieldErrors }) {
  const { t } = ctx;
  return (
    <FormPage ctx={ctx} title={t('reset.requestTitle')} lead={t('reset.requestLead')} action="/forgot-password" submit={t('reset.requestSubmit')} errors={errors}>
      <TextField name="email" type="email" autocomplete="email" dir="ltr" label={t('reset.email')} value={email} errors={errors} />
    </FormPage>
  );
}

export function ResetSentPage({ ctx, email }: { ctx: PageContext; email: string }) {
  const { t } = ctx;
  const [before, after] = t('reset.sentText').split('{{email}}');
  return (
    <MessagePage ctx={ctx} title={t('register.sentTitle')}>
      <p class="etp-lead">{before}<bdi>{email}</bdi>{after}</p>
    </MessagePage>
  );
}

export function ResetPasswordPage({ ctx, token, errors }: { ctx: PageContext; token: string; errors?: FieldErrors }) {
  const { t } = ctx;
  return (
    <FormPage ctx={ctx} title={t('reset.title')} action="/reset-password" submit={t('reset.submit')} errors={errors}>
      <input type="hidden" name="token" value={token} />
      <TextField name="password" type="password" autocomplete="new-password" dir="ltr" label={t('reset.password')} hint={t('verify.passwordHint')} errors={errors} />
      <TextField name="confirm" type="password" autocomplete="new-password" dir="ltr" label={t('verify.confirm')} errors={errors} />
    </FormPage>
  );
}

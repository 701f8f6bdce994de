import type { Schemas } from '../../api/web-api';
import { DataTable } from '../../views/data-table';
import { ErrorSummary, Form, Notice, SelectField, Submit, TextField } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';
import { shortDate } from './employer-fields';

export const COLLEAGUE_ROLES = ['organisation_admin', 'recruiter'] as const;

export function ColleaguesPage(props: { ctx: PageContext; colleagues: Schemas['ColleagueResponse'][]; me: string; admin: boolean; notice?: string; errors?: FieldErrors; email?: string }) {
  const { ctx, colleagues, admin } = props;
  const { t } = ctx;
  const roles = COLLEAGUE_ROLES.map((role) => ({ value: role, label: t(`employer.colleagues.role_${role}`) }));
  return (
    <Layout ctx={ctx} title={t('employer.colleagues.title')}>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <PageTitle>{t('employer.colleagues.title')}</PageTitle>
      <p class="etp-lead">{admin ? t('employer.colleagues.leadAdmin') : t('employer.colleagues.leadRecruiter')}</p>
      <DataTable id="colleagues" caption={t('employer.colleagues.title')} hiddenCaption headers={[t('employer.colleagues.email'), t('employer.colleagues.role'), t('employer.colleagues.since'), ...(admin ? [t('employer.colleagues.actions')] : [])]}>
        {colleagues.map((colleague) => (
          <tr class="ecl-table__row" key={colleague.accountId}>
            <td class="ecl-table__cell"><bdi>{colleague.email}</bdi>{colleague.accountId === props.me ? ` (${t('employer.colleagues.you')})` : ''}</td>
            <td class="ecl-table__cell">
              {t(`employer.colleagues.role_${colleague.role}`)}
              {colleague.invitationAccepted ? '' : ` – ${t('employer.colleagues.invited')}`}
            </td>
            <td class="ecl-table__cell">{shortDate(ctx, colleague.since)}</td>
            {admin ? (
              <td class="ecl-table__cell">
                {colleague.accountId === props.me ? null : (
                  <div class="etp-row etp-row--tight">
                    <form method="post" action={href(ctx, `/employer/colleagues/${colleague.accountId}/role`)} class="etp-row etp-row--tight">
                      <input type="hidden" name="_csrf" value={ctx.csrf} />
                      <label class="ecl-u-sr-only" for={`role-${colleague.accountId}`}>{t('employer.colleagues.roleOf', { email: colleague.email })}</label>
                      <div class="ecl-select__container ecl-select__container--s">
                        <select class="ecl-select" id={`role-${colleague.accountId}`} name="role">
                          {roles.map((role) => <option key={role.value} value={role.value} selected={role.value === colleague.role}>{role.label}</option>)}
                        </select>
                      </div>
                      <button type="submit" class="ecl-button ecl-button--secondary">{t('employer.colleagues.changeRole')}<span class="ecl-u-sr-only"> <bdi>{colleague.email}</bdi></span></button>
                    </form>
                    <Form ctx={ctx} action={href(ctx, `/employer/colleagues/${colleague.accountId}/remove`)}>
                      <button type="submit" class="ecl-button ecl-button--tertiary">{t('form.remove')}<span class="ecl-u-sr-only"> <bdi>{colleague.email}</bdi></span></button>
                    </Form>
                  </div>
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </DataTable>
      {admin ? (
        <section class="etp-panel" aria-labelledby="invite-title">
          <h2 id="invite-title">{t('employer.colleagues.invite')}</h2>
          <p>{t('employer.colleagues.inviteText')}</p>
          <Form ctx={ctx} action={href(ctx, '/employer/colleagues')}>
            <TextField name="email" type="email" autocomplete="off" dir="ltr" label={t('employer.colleagues.email')} value={props.email} errors={props.errors} />
            <SelectField name="role" label={t('employer.colleagues.role')} options={roles} value="recruiter" errors={props.errors} />
            <Submit label={t('employer.colleagues.inviteSubmit')} />
          </Form>
        </section>
      ) : null}
    </Layout>
  );
}

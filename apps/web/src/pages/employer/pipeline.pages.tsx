import type { Schemas } from '../../api/web-api';
import { DataTable } from '../../views/data-table';
import { ErrorSummary, Form, Notice, SelectField, Submit, TextAreaField } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';
import { countryName } from '../reference-data';
import { languagesOf, shortDate } from './employer-fields';

type Vacancy = Schemas['VacancyResponse'];
type Match = Schemas['EmployerMatchResponse'];
type Entry = Schemas['OrganisationContactResponse'];
type Explanation = Match['explanation'];

export const MATCH_STATUSES = ['new', 'seen', 'shortlisted', 'dismissed'] as const;
export const STAGES = ['new', 'contacted', 'accepted', 'interviewing', 'offered', 'hired', 'not_selected', 'withdrawn'] as const;
export const EMPLOYER_STAGES = ['interviewing', 'offered', 'hired', 'not_selected'] as const;

function VacancyHeader({ ctx, vacancy, current }: { ctx: PageContext; vacancy: Vacancy; current: 'matches' | 'pipeline' }) {
  const { t } = ctx;
  const base = `/employer/vacancies/${vacancy.id}`;
  return (
    <nav class="etp-tabs" aria-label={t('employer.vacancy.sections')}>
      <ul>
        <li><a class="ecl-link" href={href(ctx, base)}>{t('employer.vacancy.edit')}</a></li>
        <li><a class="ecl-link" href={href(ctx, `${base}/matches`)} aria-current={current === 'matches' ? 'page' : undefined}>{t('employer.matches.title')}</a></li>
        <li><a class="ecl-link" href={href(ctx, `${base}/pipeline`)} aria-current={current === 'pipeline' ? 'page' : undefined}>{t('employer.pipeline.title')}</a></li>
      </ul>
    </nav>
  );
}

/** Why a candidate matches: the skills that matched (and through which ESCO relation), the essential ones missing, the factors. */
export function ExplanationView({ ctx, id, explanation }: { ctx: PageContext; id: string; explanation: Explanation }) {
  const { t } = ctx;
  return (
    <div class="etp-explanation">
      {explanation.matchedSkills.length ? (
        <>
          <h4 class="ecl-u-type-heading-5">{t('employer.matches.matchedSkills')}</h4>
          <ul class="etp-list">
            {explanation.matchedSkills.map((skill) => (
              <li key={skill.uri}>
                <span lang={skill.language}>{skill.label}</span> ({t(`employer.requirement.${skill.requirement}`)})
                {skill.relation !== 'exact' ? <> – {t(`employer.relation.${skill.relation}`)} <span lang={skill.via.language}>{skill.via.label}</span></> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {explanation.missingEssentialSkills.length ? (
        <>
          <h4 class="ecl-u-type-heading-5">{t('employer.matches.missingSkills')}</h4>
          <ul class="etp-list">{explanation.missingEssentialSkills.map((skill) => <li key={skill.uri} lang={skill.language}>{skill.label}</li>)}</ul>
        </>
      ) : null}
      <DataTable id={`${id}-factors`} caption={t('employer.matches.factors')} headers={[t('employer.matches.factor'), t('employer.matches.fit'), t('employer.matches.points')]} compact>
        {explanation.factors.filter((factor) => factor.weight > 0).map((factor) => (
          <tr class="ecl-table__row" key={factor.factor}>
            <th class="ecl-table__cell" scope="row">{t(`employer.factor.${factor.factor}`)}</th>
            <td class="ecl-table__cell"><bdi>{Math.round(factor.value * 100)} %</bdi></td>
            <td class="ecl-table__cell"><bdi>{Math.round(factor.contribution * 100)}</bdi></td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

export function MatchesPage({ ctx, vacancy, matches, status, notice }: { ctx: PageContext; vacancy: Vacancy; matches: Schemas['EmployerMatchPage'] | null; status: string; notice?: string }) {
  const { t } = ctx;
  const base = `/employer/vacancies/${vacancy.id}/matches`;
  return (
    <Layout ctx={ctx} title={`${t('employer.matches.title')} – ${vacancy.title}`}>
      {notice ? <Notice>{notice}</Notice> : null}
      <p class="etp-meta"><bdi>{vacancy.title}</bdi></p>
      <PageTitle>{t('employer.matches.title')}</PageTitle>
      <VacancyHeader ctx={ctx} vacancy={vacancy} current="matches" />
      <p class="etp-lead">{t('employer.matches.lead')}</p>
      <nav aria-label={t('employer.matches.filter')}>
        <ul class="etp-chips">
          {['', ...MATCH_STATUSES].map((value) => (
            <li key={value}>
              <a class="ecl-link" href={href(ctx, value ? `${base}?status=${value}` : base)} aria-current={status === value ? 'page' : undefined}>
                {value ? t(`employer.matchStatus.${value}`) : t('employer.matches.all')}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>{t('employer.matches.count', { count: matches?.total ?? 0 })}</p>
      {matches?.items.length ? (
        <ol class="etp-cards">
          {matches.items.map((match, index) => (
            <li class="etp-card" key={match.referenceCode}>
              <h2 class="etp-card__title">
                <a class="ecl-link" href={href(ctx, `/employer/talent/${match.referenceCode}`)}><bdi>{match.referenceCode}</bdi></a>
              </h2>
              <p><strong>{t('employer.matches.score', { value: Math.round(match.score) })}</strong> · {t('employer.matches.status')} {t(`employer.matchStatus.${match.status}`)}</p>
              <details open={index === 0}>
                <summary>{t('employer.matches.why')}</summary>
                <ExplanationView ctx={ctx} id={`match-${index + 1}`} explanation={match.explanation} />
              </details>
              <form method="post" action={href(ctx, `${base}/${match.referenceCode}/status`)} class="etp-row etp-row--tight">
                <input type="hidden" name="_csrf" value={ctx.csrf} />
                <div class="ecl-form-group">
                  <label class="ecl-form-label" for={`status-${match.referenceCode}`}>{t('employer.matches.markAs')} <span class="ecl-u-sr-only"><bdi>{match.referenceCode}</bdi></span></label>
                  <div class="ecl-select__container ecl-select__container--s">
                    <select class="ecl-select" id={`status-${match.referenceCode}`} name="status">
                      {MATCH_STATUSES.map((value) => <option key={value} value={value} selected={value === match.status}>{t(`employer.matchStatus.${value}`)}</option>)}
                    </select>
                  </div>
                </div>
                <button type="submit" class="ecl-button ecl-button--secondary">{t('form.save')}<span class="ecl-u-sr-only"> <bdi>{match.referenceCode}</bdi></span></button>
              </form>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('employer.matches.none')}</p>
      )}
    </Layout>
  );
}

export function PipelinePage({ ctx, vacancy, entries, notice }: { ctx: PageContext; vacancy: Vacancy; entries: Entry[]; notice?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${t('employer.pipeline.title')} – ${vacancy.title}`}>
      {notice ? <Notice>{notice}</Notice> : null}
      <p class="etp-meta"><bdi>{vacancy.title}</bdi></p>
      <PageTitle>{t('employer.pipeline.title')}</PageTitle>
      <VacancyHeader ctx={ctx} vacancy={vacancy} current="pipeline" />
      <p class="etp-lead">{t('employer.pipeline.lead')}</p>
      <div class="etp-board">
        {STAGES.map((stage) => {
          const column = entries.filter((entry) => entry.stage === stage);
          return (
            <section class="etp-board__column" key={stage} aria-labelledby={`stage-${stage}`} id={`column-${stage}`}>
              <h2 id={`stage-${stage}`} class="ecl-u-type-heading-5">{t(`employer.stage.${stage}`)} <span class="etp-count">{column.length}</span></h2>
              {column.length ? (
                <ul class="etp-board__cards">
                  {column.map((entry) => (
                    <li key={entry.contactId} class="etp-card">
                      <a class="ecl-link" href={href(ctx, `/employer/vacancies/${vacancy.id}/pipeline/${entry.referenceCode}`)}>
                        <bdi>{entry.identity ? `${entry.identity.givenName} ${entry.identity.familyName}` : entry.referenceCode}</bdi>
                      </a>
                      <p class="etp-meta">{t(`employer.origin.${entry.origin}`)} · {t(`employer.consent.${entry.consent}`)}</p>
                      {entry.match ? <p class="etp-meta">{t('employer.matches.score', { value: Math.round(entry.match.score) })}</p> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="etp-meta">{t('employer.pipeline.empty')}</p>
              )}
            </section>
          );
        })}
      </div>
    </Layout>
  );
}

export function PipelineEntryPage(props: { ctx: PageContext; vacancy: Vacancy; entry: Entry; messages: Schemas['MessageResponse'][]; notice?: string; errors?: FieldErrors }) {
  const { ctx, vacancy, entry, messages } = props;
  const { t } = ctx;
  const base = `/employer/vacancies/${vacancy.id}/pipeline/${entry.referenceCode}`;
  const granted = entry.consent === 'granted';
  const profile = entry.profile;
  return (
    <Layout ctx={ctx} title={`${entry.referenceCode} – ${vacancy.title}`}>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <p class="etp-meta"><a class="ecl-link" href={href(ctx, `/employer/vacancies/${vacancy.id}/pipeline`)}>{t('employer.pipeline.back')}</a> · <bdi>{vacancy.title}</bdi></p>
      <PageTitle><bdi>{entry.identity ? `${entry.identity.givenName} ${entry.identity.familyName}` : entry.referenceCode}</bdi></PageTitle>
      <dl class="etp-facts">
        <dt>{t('employer.pipeline.reference')}</dt>
        <dd><bdi>{entry.referenceCode}</bdi></dd>
        <dt>{t('employer.pipeline.stage')}</dt>
        <dd id="entry-stage">{t(`employer.stage.${entry.stage}`)}</dd>
        <dt>{t('employer.pipeline.consent')}</dt>
        <dd>{t(`employer.consent.${entry.consent}`)}</dd>
        {entry.identity ? (
          <>
            <dt>{t('employer.pipeline.email')}</dt>
            <dd><bdi>{entry.identity.email ?? '–'}</bdi></dd>
            <dt>{t('employer.pipeline.phone')}</dt>
            <dd><bdi>{entry.identity.phone ?? '–'}</bdi></dd>
          </>
        ) : null}
        {profile ? (
          <>
            <dt>{t('employer.talent.residence')}</dt>
            <dd>{countryName(ctx.locale, profile.residenceCountry)}</dd>
            <dt>{t('employer.profile.languages')}</dt>
            <dd>{languagesOf(ctx, profile.languages)}</dd>
          </>
        ) : null}
      </dl>
      {entry.identity ? null : <div class="etp-panel"><p>{t('employer.pipeline.identityHidden')}</p></div>}
      {entry.openingMessage ? <blockquote class="etp-panel" dir="auto">{entry.openingMessage}</blockquote> : null}
      {entry.match ? (
        <section aria-labelledby="explanation-title">
          <h2 id="explanation-title">{t('employer.matches.score', { value: Math.round(entry.match.score) })}</h2>
          <ExplanationView ctx={ctx} id="explanation" explanation={entry.match.explanation as unknown as Explanation} />
        </section>
      ) : null}
      {granted ? (
        <section class="etp-panel" aria-labelledby="stage-title">
          <h2 id="stage-title">{t('employer.pipeline.move')}</h2>
          <Form ctx={ctx} action={href(ctx, `${base}/stage`)}>
            <SelectField name="stage" label={t('employer.pipeline.stage')} options={EMPLOYER_STAGES.map((stage) => ({ value: stage, label: t(`employer.stage.${stage}`) }))} value={(EMPLOYER_STAGES as readonly string[]).includes(entry.stage) ? entry.stage : 'interviewing'} />
            <Submit label={t('employer.pipeline.moveSubmit')} secondary />
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="messages-title">
        <h2 id="messages-title">{t('employer.pipeline.messages')}</h2>
        {messages.length ? (
          <ul class="etp-thread">
            {messages.map((message) => (
              <li key={message.id} class={`etp-thread__message etp-thread__message--${message.sender}`}>
                <p class="etp-meta">{message.sender === 'employer' ? t('employer.pipeline.you') : <bdi>{entry.referenceCode}</bdi>} · {shortDate(ctx, message.sentAt)}</p>
                <p dir="auto">{message.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{granted ? t('employer.pipeline.noMessages') : t('employer.pipeline.messagesAfterConsent')}</p>
        )}
        {granted ? (
          <Form ctx={ctx} action={href(ctx, `${base}/messages`)}>
            <TextAreaField name="body" label={t('employer.pipeline.message')} errors={props.errors} rows={3} />
            <Submit label={t('employer.pipeline.send')} />
          </Form>
        ) : null}
      </section>
    </Layout>
  );
}

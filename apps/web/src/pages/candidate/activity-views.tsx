import type { Schemas } from '../../api/web-api';
import { Checkbox, ErrorSummary, Form, Notice, type Option, SelectField, Submit, TextField } from '../../views/forms';
import type { FieldErrors } from '../../views/form-errors';
import { Time } from '../../views/dates';
import { Layout, PageTitle } from '../../views/layout';
import { href, type PageContext } from '../../views/page-context';
import { countryName } from '../reference-data';

type Match = Schemas['CandidateMatchResponse'];

export function MatchesPage({ ctx, matches, improvements }: { ctx: PageContext; matches: Schemas['CandidateMatchesResponse']; improvements: Schemas['MatchImprovementsResponse'] | null }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('matches.title')}>
      <PageTitle>{t('matches.title')}</PageTitle>
      <p class="etp-lead">{t('matches.lead')}</p>
      <p>{t('matches.count', { count: matches.total })}</p>
      {matches.items.length ? (
        <ul class="etp-cards">
          {matches.items.map((match) => <MatchCard key={match.vacancyId} ctx={ctx} match={match} />)}
        </ul>
      ) : (
        <p>{t('matches.none')}</p>
      )}
      {improvements?.skills.length ? (
        <section class="etp-panel" aria-labelledby="raise-title">
          <h2 id="raise-title">{t('matches.raise')}</h2>
          <ul class="etp-list">
            {improvements.skills.map((item) => (
              <li key={item.skill.uri}>
                <span lang={item.skill.language}>{item.skill.label}</span> (<bdi>{item.vacancies}</bdi>)
              </li>
            ))}
          </ul>
          <p><a class="ecl-link" href={href(ctx, '/candidate/profile/2')}>{t('candidate.edit')}</a></p>
        </section>
      ) : null}
    </Layout>
  );
}

function MatchCard({ ctx, match }: { ctx: PageContext; match: Match }) {
  const { t } = ctx;
  return (
    <li class="etp-card">
      <h2><a class="ecl-link" href={href(ctx, `/jobs/${match.vacancyId}`)}><bdi>{match.title}</bdi></a></h2>
      <p class="etp-meta">
        <bdi>{match.employerName}</bdi> · <bdi>{match.placeOfWork.city}</bdi>, {countryName(ctx.locale, match.placeOfWork.memberState)} · <span lang={match.occupation.language}>{match.occupation.label}</span>
      </p>
      <p><strong>{t('matches.score', { value: Math.round(match.score) })}</strong></p>
      <details>
        <summary>{t('matches.why')}</summary>
        {match.explanation.matchedSkills.length ? (
          <>
            <h3 class="ecl-u-type-heading-5">{t('matches.matchedSkills')}</h3>
            <ul class="etp-list">{match.explanation.matchedSkills.map((skill) => <li key={skill.uri} lang={skill.language}>{skill.label}</li>)}</ul>
          </>
        ) : null}
        {match.explanation.missingEssentialSkills.length ? (
          <>
            <h3 class="ecl-u-type-heading-5">{t('matches.missingSkills')}</h3>
            <ul class="etp-list">{match.explanation.missingEssentialSkills.map((skill) => <li key={skill.uri} lang={skill.language}>{skill.label}</li>)}</ul>
          </>
        ) : null}
      </details>
    </li>
  );
}

export interface JobFilters {
  text: string;
  memberState: string;
}

export function JobsPage({ ctx, filters, result, memberStates }: { ctx: PageContext; filters: JobFilters; result: Schemas['JobSearchResponse'] | null; memberStates: Option[] }) {
  const { t } = ctx;
  const counts = result?.facets.memberStates ?? {};
  return (
    <Layout ctx={ctx} title={t('jobs.title')}>
      <PageTitle>{t('jobs.title')}</PageTitle>
      <div class="etp-with-aside">
        <form method="get" action={href(ctx, '/jobs')} role="search" class="etp-form">
          <TextField name="q" type="search" label={t('jobs.query')} value={filters.text} optional={t('form.optional')} />
          <SelectField
            name="country"
            label={t('jobs.country')}
            options={memberStates.map((state) => ({ ...state, label: counts[state.value] !== undefined ? `${state.label} (${counts[state.value]})` : state.label }))}
            value={filters.memberState}
            placeholder={t('jobs.all')}
            optional={t('form.optional')}
          />
          <Submit label={t('form.search')} />
        </form>
        <section aria-labelledby="results-title">
          <h2 id="results-title">{t('jobs.results', { count: result?.total ?? 0 })}</h2>
          {result?.items.length ? (
            <ul class="etp-cards">
              {result.items.map((job) => (
                <li class="etp-card" key={job.id}>
                  <h3><a class="ecl-link" href={href(ctx, `/jobs/${job.id}`)}><bdi>{job.title}</bdi></a></h3>
                  <p class="etp-meta"><bdi>{job.employerName}</bdi> · <bdi>{place(job.placeOfWork).city}</bdi>, {countryName(ctx.locale, place(job.placeOfWork).memberState)}</p>
                  <p>{job.summary}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('jobs.none')}</p>
          )}
        </section>
      </div>
    </Layout>
  );
}

export function VacancyPage(props: { ctx: PageContext; vacancy: Schemas['PublicVacancyResponse']; terms: Schemas['ConsentTermsResponse'] | null; notice?: string; errors?: FieldErrors }) {
  const { ctx, vacancy, terms } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={vacancy.title}>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <PageTitle>{vacancy.title}</PageTitle>
      <div class="etp-panel etp-panel--warning"><p lang={vacancy.notice.language}>{vacancy.notice.text}</p></div>
      <dl class="etp-facts">
        <dt>{t('jobs.employer')}</dt>
        <dd><bdi>{vacancy.employer.name}</bdi></dd>
        <dt>{t('jobs.location')}</dt>
        <dd><bdi>{vacancy.placeOfWork.city}</bdi>, {countryName(ctx.locale, vacancy.placeOfWork.memberState)}</dd>
        <dt>{t('jobs.occupation')}</dt>
        <dd lang={vacancy.occupation.language}>{vacancy.occupation.label}</dd>
      </dl>
      <h2>{t('jobs.description')}</h2>
      <p>{vacancy.description}</p>
      {vacancy.skills.length ? (
        <>
          <h2>{t('jobs.requiredSkills')}</h2>
          <ul class="etp-list">{vacancy.skills.map((skill) => <li key={skill.uri} lang={skill.language}>{skill.label}</li>)}</ul>
        </>
      ) : null}
      {terms ? (
        <section class="etp-panel" aria-labelledby="apply-title">
          <h2 id="apply-title">{t('jobs.applyTitle')}</h2>
          <p>{t('jobs.applyText')}</p>
          <p lang={terms.language}>{terms.text}</p>
          <Form ctx={ctx} action={href(ctx, `/jobs/${vacancy.id}/apply`)}>
            <input type="hidden" name="consentVersion" value={terms.version} />
            <Checkbox name="consent" label={t('jobs.applyConsent')} errors={props.errors} />
            <TextField name="message" label={t('jobs.applyMessage')} optional={t('form.optional')} />
            <Submit label={t('jobs.applySubmit')} />
          </Form>
        </section>
      ) : null}
    </Layout>
  );
}

export function ContactsPage({ ctx, contacts }: { ctx: PageContext; contacts: Schemas['CandidateContactPage'] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('contacts.title')}>
      <PageTitle>{t('contacts.title')}</PageTitle>
      {contacts.items.length ? (
        <ul class="etp-cards">
          {contacts.items.map((contact) => (
            <li class="etp-card" key={contact.contactId}>
              <h2><a class="ecl-link" href={href(ctx, `/candidate/contacts/${contact.contactId}`)}><bdi>{contact.vacancy.title}</bdi></a></h2>
              <p class="etp-meta"><bdi>{contact.employer.legalName}</bdi> · {t(`stages.${contact.stage}`)}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('contacts.none')}</p>
      )}
      <p><a class="ecl-link" href={href(ctx, '/candidate/consents')}>{t('notices.receipts.title')}</a></p>
    </Layout>
  );
}

export function ContactPage(props: { ctx: PageContext; contact: Schemas['CandidateContactResponse']; messages: Schemas['MessageResponse'][]; notice?: string; errors?: FieldErrors }) {
  const { ctx, contact, messages } = props;
  const { t } = ctx;
  const action = (name: string) => href(ctx, `/candidate/contacts/${contact.contactId}/${name}`);
  const open = contact.consent === 'pending' || contact.consent === 'granted';
  return (
    <Layout ctx={ctx} title={contact.vacancy.title}>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <PageTitle>{contact.vacancy.title}</PageTitle>
      <dl class="etp-facts">
        <dt>{t('jobs.employer')}</dt>
        <dd><bdi>{contact.employer.legalName}</bdi></dd>
        <dt>{t('contacts.status')}</dt>
        <dd id="contact-status">{t(`stages.${contact.stage}`)}</dd>
      </dl>
      {contact.consent === 'pending' && contact.terms ? (
        <section class="etp-panel">
          <p lang={contact.terms.language}>{contact.terms.text}</p>
          <Form ctx={ctx} action={action('accept')}>
            <input type="hidden" name="consentVersion" value={contact.terms.version} />
            <Submit label={t('contacts.accept')} />
          </Form>
          <Form ctx={ctx} action={action('decline')}>
            <Submit label={t('contacts.decline')} secondary />
          </Form>
        </section>
      ) : null}
      {contact.consent === 'granted' ? (
        <Form ctx={ctx} action={action('withdraw')}>
          <Submit label={t('contacts.withdraw')} secondary />
        </Form>
      ) : null}
      <section aria-labelledby="messages-title">
        <h2 id="messages-title">{t('contacts.messages')}</h2>
        <Thread ctx={ctx} contact={contact} messages={messages} />
        {open ? (
          <Form ctx={ctx} action={action('messages')}>
            <TextField name="body" label={t('contacts.message')} errors={props.errors} />
            <Submit label={t('contacts.send')} />
          </Form>
        ) : null}
      </section>
    </Layout>
  );
}

/**
 * The conversation, oldest first, each message with its sender and time. The opening message is the
 * employer's (a contact request) or the candidate's own (an application).
 */
function Thread({ ctx, contact, messages }: { ctx: PageContext; contact: Schemas['CandidateContactResponse']; messages: Schemas['MessageResponse'][] }) {
  const opening: Schemas['MessageResponse'][] = contact.openingMessage
    ? [{ id: 'opening', sender: contact.origin === 'application' ? 'candidate' : 'employer', body: contact.openingMessage, sentAt: contact.createdAt }]
    : [];
  const all = [...opening, ...messages];
  if (!all.length) return null;
  const employer = contact.employer.legalName || ctx.t('notices.conversation.employer');
  return (
    <ol class="etp-thread">
      {all.map((message) => (
        <li key={message.id} class={message.sender === 'candidate' ? 'etp-thread--own' : undefined}>
          <p class="etp-thread__who">
            <strong>{message.sender === 'candidate' ? ctx.t('notices.conversation.you') : <bdi>{employer}</bdi>}</strong>
            <Time locale={ctx.locale} value={message.sentAt} />
          </p>
          <p class="etp-thread__body" dir="auto">{message.body}</p>
        </li>
      ))}
    </ol>
  );
}

export function AccountPage({ ctx, profile, notice, errors }: { ctx: PageContext; profile: Schemas['CandidateProfileResponse'] | null; notice?: string; errors?: FieldErrors }) {
  const { t } = ctx;
  const paused = profile?.availability === 'paused';
  return (
    <Layout ctx={ctx} title={t('account.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice ? <Notice>{notice}</Notice> : null}
      <PageTitle>{t('account.title')}</PageTitle>
      {profile && profile.status !== 'draft' ? (
        <section class="etp-panel">
          <h2>{t('account.renew')}</h2>
          <p>{t('account.renewText')}</p>
          <Form ctx={ctx} action={href(ctx, '/candidate/account/renew')}><Submit label={t('account.renew')} /></Form>
        </section>
      ) : null}
      {profile ? (
        <section class="etp-panel">
          <h2>{paused ? t('account.resume') : t('account.pause')}</h2>
          <p>{t('account.pauseText')}</p>
          <Form ctx={ctx} action={href(ctx, '/candidate/account/availability')}>
            <input type="hidden" name="availability" value={paused ? 'available' : 'paused'} />
            <Submit label={paused ? t('account.resume') : t('account.pause')} secondary />
          </Form>
        </section>
      ) : null}
      <section class="etp-panel">
        <h2>{t('notices.receipts.title')}</h2>
        <p>{t('notices.receipts.withdrawText')}</p>
        <p><a class="ecl-link" href={href(ctx, '/candidate/consents')}>{t('notices.receipts.title')}</a></p>
      </section>
      <section class="etp-panel">
        <h2>{t('account.export')}</h2>
        <p>{t('account.exportText')}</p>
        <a class="ecl-button ecl-button--secondary" href={href(ctx, '/candidate/account/export')} download="eu-talent-pool-export.json">{t('account.export')}</a>
      </section>
      <section class="etp-panel etp-panel--warning">
        <h2>{t('account.erase')}</h2>
        <p>{t('account.eraseText')}</p>
        <Form ctx={ctx} action={href(ctx, '/candidate/account/erase')}>
          <Checkbox name="confirm" label={t('account.eraseConfirm')} errors={errors} />
          <Submit label={t('account.erase')} />
        </Form>
      </section>
    </Layout>
  );
}

/** The search document's place of work (a free-form object in the search answer). */
function place(value: Record<string, unknown>): { city: string; memberState: string } {
  return {
    city: typeof value.city === 'string' ? value.city : '',
    memberState: typeof value.memberState === 'string' ? value.memberState : '',
  };
}

import type { Job } from 'bullmq';
import { createHash } from 'node:crypto';

/**
 * Every background job, by name, with its payload. Payloads carry ids and intent, never entity
 * snapshots: handlers re-read state, so running a job twice is harmless.
 */
export interface JobPayloads {
  'maintenance.purge-outbox': { olderThanHours: number };
  /** Deletes spent credentials and sent mail past their retention. */
  'maintenance.purge-spent-records': Record<string, never>;
  'taxonomy.reindex': { version: string };
  /** Upserts or removes one vacancy's search document, as its state and its employer's now allow. */
  'vacancies.sync': { vacancyId: string };
  'vacancies.sync-employer': { organisationId: string };
  'vacancies.sync-member-state': { memberState: string };
  /** The vacancies a shortage-list change touches: its occupations, in its Member State (null: all). */
  'vacancies.sync-occupations': OccupationScope;
  /** Rebuilds the vacancies index (build, then swap). */
  'vacancies.reindex': { reason: string };
  /** Marks published vacancies past their validity as expired. */
  'vacancies.expire-due': Record<string, never>;
  /** Applies partner-country statuses that have become effective (visibility, candidate mails). */
  'partner-countries.apply-due': Record<string, never>;
  'mail.send': { messageId: string };
  /**
   * A password-reset request: a link by mail when the address has a usable account. Queued for
   * unknown addresses too (`accountId` null), so the request costs the same whatever the address.
   */
  'identity.password-reset': { accountId: string | null; requestId: string | null; language?: string | null };
  /** Upserts or removes one candidate's search document; the reference code outlives an erased row. */
  'candidates.sync-index': { candidateId: string; referenceCode: string };
  /** Re-evaluates every candidate residing in or holding the citizenship of a country. */
  'candidates.reindex-country': { countryCode: string };
  /** Expires profiles past their validity and mails renewal reminders. */
  'candidates.lifecycle': Record<string, never>;
  /** Recomputes one vacancy's ranked candidates (or removes its matches when it cannot be matched). */
  'matching.vacancy': { vacancyId: string };
  /** Recomputes one candidate's ranked vacancies (or removes their matches when not matchable). */
  'matching.candidate': { candidateId: string };
  /** Re-matches every vacancy of an employer, e.g. after a suspension or reinstatement. */
  'matching.employer': { organisationId: string };
  /** Re-matches the vacancies of a Member State (participation or shortage-list change). */
  'matching.member-state': { memberState: string };
  /** Re-matches the vacancies of these occupations in a Member State (null: all), after a shortage-list change. */
  'matching.occupations': OccupationScope;
  /** Re-matches the candidates residing in or citizens of a country (partner-country status). */
  'matching.country': { countryCode: string };
  /** Recomputes every vacancy's and candidate's matches from a freshly loaded feature store. */
  'matching.refresh': { reason: string };
  /**
   * Sharded matching: writes these vacancies' sets from the rankings of their shard jobs (the
   * children of this job in its flow), in this order.
   */
  'matching.merge-vacancies': { vacancyIds: string[] };
  /** Sharded matching: swaps in every set the shard jobs of this full re-match staged. */
  'matching.merge-refresh': { runId: string };
  /** Compares Postgres with every search index and the match tables, stores the report, repairs if asked. */
  'consistency.check': { repair: boolean; reason: string };
  /** A domain event: notifies the users it concerns and fans out to subscribed webhooks. */
  'events.dispatch': PlatformEvent;
  /** Mails each user's pending digest notifications in one message. */
  'notifications.digest': Record<string, never>;
  /** Runs every saved talent search and job alert and mails the hits not mailed before. */
  'alerts.run': Record<string, never>;
  /** Notifies employers of their vacancies about to expire (each vacancy and expiry date once). */
  'notifications.vacancy-expiry': Record<string, never>;
  /** Notifies each side of the matches that entered its top set since the last run. */
  'notifications.new-matches': Record<string, never>;
  /** Sends one webhook delivery (signed); failures are retried with backoff. */
  'webhooks.deliver': { deliveryId: string };
}

/**
 * What happened, by ids: every event carries its own `eventId` (a uuid made where it happened), so
 * a re-delivered event is recognised and never notifies or delivers twice.
 */
export type PlatformEvent =
  | { type: 'employer.registered'; eventId: string; organisationId: string }
  | { type: 'employer.status_changed'; eventId: string; organisationId: string; status: string }
  | {
      type: 'vacancy.published' | 'vacancy.closed';
      eventId: string;
      vacancyId: string;
      organisationId: string;
    }
  | { type: 'candidate.renewed'; eventId: string; candidateId: string; referenceCode: string }
  | { type: 'candidate.expiry_reminder'; eventId: string; accountId: string; expiresAt: string }
  | {
      type: 'partner_country.status_applied';
      eventId: string;
      countryCode: string;
      status: string;
      /** What the change did to the country's candidates: hidden from search, shown again. */
      visibility: 'hidden' | 'restored';
    }
  | {
      type: 'contact.step';
      eventId: string;
      step: string;
      /** The pipeline stage the contact is in after the step. */
      stage: string;
      contactId: string;
      vacancyId: string;
      referenceCode: string;
      /** Who is told: the candidate's account, or the organisation's account(s). */
      recipient: { side: 'candidate'; accountId: string } | { side: 'employer'; organisationId: string };
    };

/** Occupations by ESCO URI or by ISCO code (every occupation of that group), in one Member State or all. */
export interface OccupationScope {
  memberState: string | null;
  occupationUris: string[];
  iscoCodes: string[];
}

export type JobName = keyof JobPayloads;

export const QUEUE_NAMES = [
  'maintenance',
  'search-indexing',
  'mail',
  'vacancies',
  'candidates',
  'matching',
  'notifications',
  'webhooks',
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** Which queue carries each job; the compiler insists every job has one. */
export const JOB_QUEUE = {
  'maintenance.purge-outbox': 'maintenance',
  'maintenance.purge-spent-records': 'maintenance',
  'taxonomy.reindex': 'search-indexing',
  'vacancies.sync': 'vacancies',
  'vacancies.sync-employer': 'vacancies',
  'vacancies.sync-member-state': 'vacancies',
  'vacancies.sync-occupations': 'vacancies',
  'vacancies.reindex': 'vacancies',
  'vacancies.expire-due': 'vacancies',
  'partner-countries.apply-due': 'maintenance',
  'mail.send': 'mail',
  'identity.password-reset': 'mail',
  'candidates.sync-index': 'candidates',
  'candidates.reindex-country': 'candidates',
  'candidates.lifecycle': 'candidates',
  'matching.vacancy': 'matching',
  'matching.candidate': 'matching',
  'matching.employer': 'matching',
  'matching.member-state': 'matching',
  'matching.occupations': 'matching',
  'matching.country': 'matching',
  'matching.refresh': 'matching',
  'matching.merge-vacancies': 'matching',
  'matching.merge-refresh': 'matching',
  'consistency.check': 'maintenance',
  'events.dispatch': 'notifications',
  'notifications.digest': 'notifications',
  'alerts.run': 'notifications',
  'notifications.vacancy-expiry': 'notifications',
  'notifications.new-matches': 'notifications',
  'webhooks.deliver': 'webhooks',
} as const satisfies { readonly [N in JobName]: QueueName };

export type JobOf<N extends JobName> = Job<JobPayloads[N], unknown, N>;

export type JobNamesOf<Q extends QueueName> = {
  [N in JobName]: (typeof JOB_QUEUE)[N] extends Q ? N : never;
}[JobName];

/** A processor's handlers: exactly one per job of its queue, checked at compile time. */
export type JobHandlers<Q extends QueueName> = {
  [N in JobNamesOf<Q>]: (job: JobOf<N>) => Promise<unknown>;
};

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_QUEUE, name);
}

/** One job to record: its name with the payload of that name. */
export type JobRequest = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];

function request<N extends JobName>(name: N, data: JobPayloads[N]): JobRequest {
  return { name, data } as JobRequest;
}

/**
 * What identifies a job's work, from its payload: outbox messages with the same dedup key that are
 * relayed together collapse into one job. Null: every message is a job of its own. The compiler
 * insists every job has an entry.
 */
const DEDUP_PART = {
  'maintenance.purge-outbox': null,
  'maintenance.purge-spent-records': null,
  'taxonomy.reindex': () => 'all',
  'vacancies.sync': (data) => data.vacancyId,
  'vacancies.sync-employer': (data) => data.organisationId,
  'vacancies.sync-member-state': (data) => data.memberState,
  'vacancies.sync-occupations': occupationScopeKey,
  'vacancies.reindex': () => 'all',
  'vacancies.expire-due': null,
  'partner-countries.apply-due': null,
  'mail.send': null,
  'identity.password-reset': null,
  'candidates.sync-index': (data) => data.candidateId,
  'candidates.reindex-country': (data) => data.countryCode,
  'candidates.lifecycle': null,
  'matching.vacancy': (data) => data.vacancyId,
  'matching.candidate': (data) => data.candidateId,
  'matching.employer': (data) => data.organisationId,
  'matching.member-state': (data) => data.memberState,
  'matching.occupations': occupationScopeKey,
  'matching.country': (data) => data.countryCode,
  'matching.refresh': () => 'all',
  'matching.merge-vacancies': null,
  'matching.merge-refresh': null,
  'consistency.check': (data) => (data.repair ? 'repair' : 'report'),
  'events.dispatch': (data) => data.eventId,
  'notifications.digest': null,
  'alerts.run': null,
  'notifications.vacancy-expiry': null,
  'notifications.new-matches': null,
  'webhooks.deliver': (data) => data.deliveryId,
} satisfies { readonly [N in JobName]: ((data: JobPayloads[N]) => string) | null };

/** URIs do not fit a job id, so the occupations are hashed: equal scopes collapse, others do not. */
function occupationScopeKey(scope: OccupationScope): string {
  const occupations = [...scope.occupationUris, ...scope.iscoCodes].sort().join(' ');
  return `${scope.memberState ?? 'EU'}-${createHash('sha256').update(occupations).digest('hex').slice(0, 32)}`;
}

/** `<job name>.<what it works on>`, or null for a job that never collapses. */
export function dedupKeyOf(job: JobRequest): string | null {
  const part = DEDUP_PART[job.name] as ((data: JobRequest['data']) => string) | null;
  return part ? `${job.name}.${part(job.data)}` : null;
}

/**
 * Jobs that travel together: a change that needs the search index brought in line needs the
 * matches recomputed from the same state, so recording the first records the second as well.
 */
const COMPANIONS: { readonly [N in JobName]?: (data: JobPayloads[N]) => JobRequest[] } = {
  'vacancies.sync': (data) => [request('matching.vacancy', { vacancyId: data.vacancyId })],
  'vacancies.sync-employer': (data) => [
    request('matching.employer', { organisationId: data.organisationId }),
  ],
  'vacancies.sync-member-state': (data) => [
    request('matching.member-state', { memberState: data.memberState }),
  ],
  'vacancies.sync-occupations': (data) => [request('matching.occupations', data)],
  'vacancies.reindex': (data) => [request('matching.refresh', { reason: data.reason })],
  'candidates.sync-index': (data) => [request('matching.candidate', { candidateId: data.candidateId })],
  'candidates.reindex-country': (data) => [request('matching.country', { countryCode: data.countryCode })],
};

/** The job with the jobs that travel with it, in that order. */
export function withCompanions(job: JobRequest): JobRequest[] {
  const companions = COMPANIONS[job.name] as ((data: JobRequest['data']) => JobRequest[]) | undefined;
  return [job, ...(companions?.(job.data) ?? [])];
}

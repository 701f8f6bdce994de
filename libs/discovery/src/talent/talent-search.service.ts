import { AuditService } from '@app/audit';
import { CANDIDATES_INDEX } from '@app/candidates';
import { Employers } from '@app/employers';
import { actorOf, type CallContext, type PendingPrincipal } from '@app/identity';
import { enginePage, MEILI_CLIENT, meilisearchApiError, SearchIndexes, windowOf } from '@app/search';
import type { TaxonomyLanguage } from '@app/taxonomy';
import { Inject, Injectable } from '@nestjs/common';
import type { Meilisearch } from 'meilisearch';
import { TalentProfileNotFoundError } from '../discovery.errors';
import { engineCall, type EngineTimed } from '../engine-call';
import { auditedCriteria, buildTalentSearch, PROFILE_SCALARS, type TalentQuery } from './talent-query';
import {
  toTalentHit,
  toTalentProfile,
  type TalentDocument,
  type TalentDocumentHit,
  type TalentProfile,
  type TalentSearchResult,
} from './talent-result';

type ProfileDocument = TalentDocument & { expiresAtTimestamp: number | null };

/** The top-level fields a profile is read from (labels in every language: one document is small). */
const PROFILE_FIELDS: (keyof ProfileDocument)[] = [
  'referenceCode',
  'occupations',
  'sectors',
  'skills',
  'languages',
  ...PROFILE_SCALARS,
  'expiresAtTimestamp',
];

/** Engine answers meaning "no such searchable profile" (no index yet counts as none). */
const NOT_FOUND = new Set(['document_not_found', 'index_not_found']);

/** Employers search the pseudonymised pool; each search is audited with its criteria. */
@Injectable()
export class TalentSearch {
  constructor(
    @Inject(MEILI_CLIENT) private readonly client: Meilisearch,
    private readonly indexes: SearchIndexes,
    private readonly employers: Employers,
    private readonly audit: AuditService,
  ) {}

  /**
   * The engine is asked straight away, while the caller is still being confirmed; nothing of its
   * answer is read, let alone returned, until the caller is a verified employer and the audit
   * event is written. A refused caller gets the refusal, whatever the engine answered.
   */
  async search(
    caller: PendingPrincipal,
    query: TalentQuery,
    context: CallContext,
  ): Promise<EngineTimed<TalentSearchResult>> {
    const request = buildTalentSearch(query, new Date());
    const response = await this.confirmedRead(
      caller,
      context,
      () =>
        this.client.index<TalentDocumentHit>(this.indexes.uid(CANDIDATES_INDEX)).search(request.q, request),
      { action: 'search.talent', details: { criteria: auditedCriteria(query) } },
    );
    const filteredSkills = new Set([...(query.skillsAll ?? []), ...(query.skillsAny ?? [])]);
    const window = windowOf(query, enginePage(query), response);
    return {
      engineTimeMs: response.processingTimeMs,
      result: {
        ...window,
        items: window.items.map((hit) => toTalentHit(hit, filteredSkills, query.language ?? 'en')),
        facets: response.facetDistribution ?? {},
        facetStats: response.facetStats ?? {},
      },
    };
  }

  /**
   * A saved talent search run on its owner's behalf by the scheduler: the same query and the same
   * pseudonymised hits as `search`, refused when the organisation is no longer verified, and audited
   * as a search by its owner.
   */
  async searchSaved(
    owner: { accountId: string; organisationId: string },
    query: TalentQuery,
  ): Promise<TalentSearchResult> {
    await this.employers.assertVerified(owner.organisationId);
    const request = buildTalentSearch(query, new Date());
    const response = await engineCall(() =>
      this.client.index<TalentDocumentHit>(this.indexes.uid(CANDIDATES_INDEX)).search(request.q, request),
    );
    await this.audit.recordRead({
      actor: { accountId: owner.accountId, role: 'employer' },
      action: 'search.talent_saved',
      target: { type: 'employer_organisation', id: owner.organisationId },
      details: { criteria: auditedCriteria(query) },
    });
    const filteredSkills = new Set([...(query.skillsAll ?? []), ...(query.skillsAny ?? [])]);
    const window = windowOf(query, enginePage(query), response);
    return {
      ...window,
      items: window.items.map((hit) => toTalentHit(hit, filteredSkills, query.language ?? 'en')),
      facets: {},
      facetStats: {},
    };
  }

  /**
   * The whole pseudonymised profile behind a result card, while the candidate is searchable: the
   * index holds searchable profiles only, and one past its expiry is hidden here as in search. The
   * document is fetched while the caller is confirmed, as in `search`.
   */
  async profile(
    caller: PendingPrincipal,
    referenceCode: string,
    language: TaxonomyLanguage,
    context: CallContext,
  ): Promise<TalentProfile> {
    const document = await this.confirmedRead(
      caller,
      context,
      () =>
        this.client
          .index<ProfileDocument>(this.indexes.uid(CANDIDATES_INDEX))
          .getDocument(referenceCode, { fields: PROFILE_FIELDS })
          .then((found) => (isShown(found) ? found : null))
          .catch((error: unknown) => {
            if (NOT_FOUND.has(meilisearchApiError(error)?.cause?.code ?? '')) return null;
            throw error;
          }),
      // A view is audited only when a profile is shown: a 404 showed nothing.
      (found) => (found ? { action: 'search.talent_profile_viewed', details: { referenceCode } } : null),
    );
    if (!document) throw new TalentProfileNotFoundError();
    return toTalentProfile(document, language);
  }

  /**
   * Starts the engine call, then waits for the caller, refuses a caller who is not a user of a verified
   * organisation (one primary-key read) and writes the audit event, and only
   * then hands out the engine's answer. A refused caller gets the refusal, whatever the engine
   * answered, and a failed audit write fails the request. An audit entry that does not depend on the
   * answer is written while the engine works; one that does (`audited` as a function) once the
   * answer is in, and not at all when it says the read showed nothing.
   */
  private async confirmedRead<T>(
    caller: PendingPrincipal,
    context: CallContext,
    call: () => Promise<T>,
    audited: AuditedRead | ((answer: T) => AuditedRead | null),
  ): Promise<T> {
    const answer = engineCall(call);
    // Read only once the caller is confirmed; a failure meanwhile must not count as unhandled.
    answer.catch(() => undefined);
    const principal = await caller.confirmed;
    const organisationId = await this.employers.assertVerifiedEmployer(principal);
    const entry = typeof audited === 'function' ? audited(await answer) : audited;
    if (entry) {
      await this.audit.recordRead({
        actor: actorOf(principal),
        action: entry.action,
        target: { type: 'employer_organisation', id: organisationId },
        requestId: context.requestId,
        details: entry.details,
      });
    }
    return answer;
  }
}

interface AuditedRead {
  action: string;
  details: Record<string, unknown>;
}

/** The index holds searchable profiles only; one past its expiry is hidden here as in search. */
function isShown(document: ProfileDocument): boolean {
  const expiresAt = document.expiresAtTimestamp;
  return expiresAt == null || expiresAt > Date.now() / 1000;
}

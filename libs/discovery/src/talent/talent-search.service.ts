import { AuditService } from '@app/audit';
import { CANDIDATES_INDEX } from '@app/candidates';
import { Employers } from '@app/employers';
import { actorOf, type CallContext, type Principal } from '@app/identity';
import { MEILI_CLIENT, SearchIndexes } from '@app/search';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { engineCall } from '../engine-call';
import { auditedCriteria, buildTalentSearch, type TalentQuery } from './talent-query';
import { toTalentHit, type TalentDocumentHit, type TalentSearchResult } from './talent-result';

/** Employers search the pseudonymised pool; each search is audited with its criteria. */
@Injectable()
export class TalentSearch {
  constructor(
    @Inject(MEILI_CLIENT) private readonly client: Meilisearch,
    private readonly indexes: SearchIndexes,
    private readonly employers: Employers,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async search(principal: Principal, query: TalentQuery, context: CallContext): Promise<TalentSearchResult> {
    const request = buildTalentSearch(query, new Date());
    // The search starts at once; the verification check and then the audit write run beside it.
    // Nothing is returned before both succeed, so an unverified employer still gets only a 403, and
    // a failed audit write fails the request.
    const [response] = await Promise.all([
      engineCall(() =>
        this.client.index<TalentDocumentHit>(this.indexes.uid(CANDIDATES_INDEX)).search(request.q, request),
      ),
      this.employers.assertVerifiedEmployer(principal).then((organisationId) =>
        this.dataSource.transaction((manager) =>
          this.audit.record(manager, {
            actor: actorOf(principal),
            action: 'search.talent',
            target: { type: 'employer_organisation', id: organisationId },
            requestId: context.requestId,
            details: { criteria: auditedCriteria(query) },
          }),
        ),
      ),
    ]);
    const filteredSkills = new Set([...(query.skillsAll ?? []), ...(query.skillsAny ?? [])]);
    return {
      page: response.page,
      hitsPerPage: response.hitsPerPage,
      totalHits: response.totalHits,
      totalPages: response.totalPages,
      hits: response.hits.map((hit) => toTalentHit(hit, filteredSkills, query.language ?? 'en')),
      facets: response.facetDistribution ?? {},
      facetStats: response.facetStats ?? {},
    };
  }
}

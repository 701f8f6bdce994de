import { MEILI_CLIENT, SearchIndexes, settle } from '@app/search';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Meilisearch } from 'meilisearch';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { IndexCheckReport } from '../candidate.types';
import { CandidateRepository } from '../store/candidate.repository';
import { candidateDocument, type CandidateDocument } from './candidate-document';
import { CANDIDATES_INDEX, CANDIDATES_INDEX_DEFINITION } from './candidate-index';
import { CandidateIndexSources } from './candidate-index-sources.service';

const PAGE = 500;

/**
 * Keeps the candidates index equal to what Postgres says: only searchable profiles, as
 * pseudonymised documents. Every method re-reads the database, so running one twice is harmless.
 */
@Injectable()
export class CandidateIndexer implements OnModuleInit {
  private readonly logger = new Logger(CandidateIndexer.name);

  constructor(
    @Inject(MEILI_CLIENT) private readonly client: Meilisearch,
    private readonly indexes: SearchIndexes,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CandidateRepository,
    private readonly sources: CandidateIndexSources,
  ) {}

  onModuleInit(): void {
    this.indexes.register(CANDIDATES_INDEX_DEFINITION);
  }

  private get live(): string {
    return this.indexes.uid(CANDIDATES_INDEX);
  }

  /** Upserts or removes one candidate's document; a vanished (erased) candidate is removed by code. */
  async sync(candidateId: string, referenceCode: string): Promise<'upserted' | 'removed'> {
    const decision = (await this.sources.decide([candidateId])).get(candidateId);
    await this.ensureLive();
    if (decision?.source) {
      await settle(this.client.index(this.live).addDocuments([candidateDocument(decision.source)]));
      return 'upserted';
    }
    await this.remove([decision?.referenceCode ?? referenceCode]);
    return 'removed';
  }

  async remove(referenceCodes: readonly string[]): Promise<void> {
    if (referenceCodes.length === 0) return;
    await settle(this.client.index(this.live).deleteDocuments([...referenceCodes]));
  }

  async syncCountry(countryCode: string): Promise<{ upserted: number; removed: number }> {
    const ids = await this.repository.idsByCountry(this.dataSource.manager, countryCode);
    return this.syncMany(ids);
  }

  async syncMany(ids: readonly string[]): Promise<{ upserted: number; removed: number }> {
    await this.ensureLive();
    let upserted = 0;
    let removed = 0;
    for (let start = 0; start < ids.length; start += PAGE) {
      const decisions = [...(await this.sources.decide(ids.slice(start, start + PAGE))).values()];
      const documents = decisions.flatMap((decision) =>
        decision.source ? [candidateDocument(decision.source)] : [],
      );
      const absent = decisions
        .filter((decision) => !decision.source)
        .map((decision) => decision.referenceCode);
      if (documents.length > 0) await settle(this.client.index(this.live).addDocuments(documents));
      await this.remove(absent);
      upserted += documents.length;
      removed += absent.length;
    }
    return { upserted, removed };
  }

  /**
   * Zero-downtime rebuild: documents go into a fresh index that is then swapped with the live one.
   * Changes that land on the old index while the new one is built are caught by the repair pass.
   */
  async rebuild(): Promise<{ documents: number; afterSwap: IndexCheckReport }> {
    const build = `${this.live}__build_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    let documents = 0;
    try {
      await this.indexes.apply(build, CANDIDATES_INDEX_DEFINITION);
      for await (const page of this.expectedPages()) {
        if (page.length > 0) await settle(this.client.index(build).addDocuments(page));
        documents += page.length;
      }
      await this.ensureLive();
      await settle(this.client.swapIndexes([{ indexes: [this.live, build], rename: false }]));
    } finally {
      if (await this.indexes.exists(build)) await settle(this.client.deleteIndex(build));
    }
    const afterSwap = await this.check({ repair: true });
    this.logger.log(`Candidates index rebuilt with ${documents} document(s)`);
    return { documents, afterSwap };
  }

  /** Compares the index with Postgres: missing, stale (older `updatedAt`) and extra documents. */
  async check(options: { repair: boolean }): Promise<IndexCheckReport> {
    await this.ensureLive();
    const expected = new Map<string, CandidateDocument>();
    for await (const page of this.expectedPages())
      for (const doc of page) expected.set(doc.referenceCode, doc);
    const indexed = await this.indexedVersions();
    const missing = [...expected.keys()].filter((code) => !indexed.has(code));
    const stale = [...expected.values()]
      .filter((doc) => indexed.has(doc.referenceCode) && indexed.get(doc.referenceCode) !== doc.updatedAt)
      .map((doc) => doc.referenceCode);
    const extra = [...indexed.keys()].filter((code) => !expected.has(code));
    if (options.repair) {
      const upserts = [...missing, ...stale].map((code) => expected.get(code)!);
      for (let start = 0; start < upserts.length; start += PAGE)
        await settle(this.client.index(this.live).addDocuments(upserts.slice(start, start + PAGE)));
      for (let start = 0; start < extra.length; start += PAGE)
        await this.remove(extra.slice(start, start + PAGE));
    }
    return {
      expected: expected.size,
      indexed: indexed.size,
      missing: missing.sort(),
      stale: stale.sort(),
      extra: extra.sort(),
      repaired: options.repair,
    };
  }

  private async *expectedPages(): AsyncGenerator<CandidateDocument[]> {
    let after: string | null = null;
    for (;;) {
      const ids = await this.repository.pageOfIds(this.dataSource.manager, after, PAGE);
      if (ids.length === 0) return;
      const decisions = await this.sources.decide(ids);
      yield [...decisions.values()].flatMap((decision) =>
        decision.source ? [candidateDocument(decision.source)] : [],
      );
      after = ids[ids.length - 1];
    }
  }

  private async indexedVersions(): Promise<Map<string, string>> {
    const versions = new Map<string, string>();
    type Version = Pick<CandidateDocument, 'referenceCode' | 'updatedAt'>;
    for (let offset = 0; ; offset += 1000) {
      const page = await this.client
        .index(this.live)
        .getDocuments<Version>({ fields: ['referenceCode', 'updatedAt'], offset, limit: 1000 });
      for (const doc of page.results) versions.set(doc.referenceCode, doc.updatedAt);
      if (page.results.length < 1000) return versions;
    }
  }

  private async ensureLive(): Promise<void> {
    if (!(await this.indexes.exists(this.live)))
      await this.indexes.apply(this.live, CANDIDATES_INDEX_DEFINITION);
  }
}

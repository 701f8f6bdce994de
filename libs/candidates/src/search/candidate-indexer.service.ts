import { MEILI_CLIENT, SearchIndexes, SearchIndexWriter } from '@app/search';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import type { IndexCheckReport } from '../candidate.types';
import { CandidateRepository } from '../store/candidate.repository';
import { candidateDocument, type CandidateDocument } from './candidate-document';
import { CANDIDATES_INDEX, CANDIDATES_INDEX_DEFINITION } from './candidate-index';
import { CandidateIndexSources } from './candidate-index-sources.service';

/** Ids read from Postgres and documents sent to the engine per request. */
const BATCH = 5_000;

export interface CandidateToSync {
  candidateId: string;
  /** Removes the document by code when the candidate is gone (erased). */
  referenceCode: string;
}

/**
 * Keeps the candidates index equal to what Postgres says: only searchable profiles, as
 * pseudonymised documents. Every method re-reads the database, so running one twice is harmless.
 */
@Injectable()
export class CandidateIndexer implements OnModuleInit {
  constructor(
    @Inject(MEILI_CLIENT) private readonly client: Meilisearch,
    private readonly indexes: SearchIndexes,
    private readonly writer: SearchIndexWriter,
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
    const [outcome] = await this.syncBatch([{ candidateId, referenceCode }]);
    return outcome;
  }

  /**
   * `sync` for many candidates at once: one read of their state and one engine write for them all,
   * however many there are; the outcomes are in the order of `entries`.
   */
  async syncBatch(entries: readonly CandidateToSync[]): Promise<('upserted' | 'removed')[]> {
    const decisions = await this.sources.decide([...new Set(entries.map((entry) => entry.candidateId))]);
    const documents = new Map<string, CandidateDocument>();
    const removals = new Set<string>();
    const outcomes = entries.map((entry) => {
      const decision = decisions.get(entry.candidateId);
      if (decision?.source) {
        documents.set(entry.candidateId, candidateDocument(decision.source));
        return 'upserted' as const;
      }
      removals.add(decision?.referenceCode ?? entry.referenceCode);
      return 'removed' as const;
    });
    await this.write([...documents.values()], [...removals]);
    return outcomes;
  }

  async remove(referenceCodes: readonly string[]): Promise<void> {
    await this.write([], referenceCodes);
  }

  async syncCountry(countryCode: string): Promise<{ upserted: number; removed: number }> {
    const ids = await this.repository.idsByCountry(this.dataSource.manager, countryCode);
    return this.syncMany(ids);
  }

  async syncMany(ids: readonly string[]): Promise<{ upserted: number; removed: number }> {
    let upserted = 0;
    let removed = 0;
    for (let start = 0; start < ids.length; start += BATCH) {
      const decisions = [...(await this.sources.decide(ids.slice(start, start + BATCH))).values()];
      const documents = decisions.flatMap((decision) =>
        decision.source ? [candidateDocument(decision.source)] : [],
      );
      const absent = decisions
        .filter((decision) => !decision.source)
        .map((decision) => decision.referenceCode);
      await this.write(documents, absent);
      upserted += documents.length;
      removed += absent.length;
    }
    return { upserted, removed };
  }

  /**
   * Zero-downtime rebuild through the one rebuild path (new index, live writes mirrored into it,
   * swap). After the swap the candidates whose row changed since the build started are synced
   * again, and documents of erased candidates removed, so a change racing with the read of its page
   * is not lost. No full re-read is needed.
   */
  async rebuild(): Promise<{ documents: number; afterSwap: { upserted: number; removed: number } }> {
    const afterSwap = { upserted: 0, removed: 0 };
    const { documents } = await this.writer.rebuild<CandidateDocument, Date>({
      definition: CANDIDATES_INDEX_DEFINITION,
      pages: () => this.expectedPages(),
      // `updated_at` is the start of the writing transaction, which may commit after this point:
      // counting from the oldest transaction still open catches those too.
      begin: async () => {
        const [{ since }] = await this.dataSource.query<{ since: Date }[]>(
          `SELECT least(now(), min(xact_start)) AS since FROM pg_stat_activity WHERE datname = current_database()`,
        );
        return since;
      },
      afterSwap: async (since, written) => {
        const changed = await this.syncMany(
          await this.repository.idsUpdatedSince(this.dataSource.manager, since),
        );
        const erased = await this.repository.unknownReferenceCodes(this.dataSource.manager, written);
        await this.remove(erased);
        afterSwap.upserted = changed.upserted;
        afterSwap.removed = changed.removed + erased.length;
      },
    });
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
    if (options.repair)
      await this.write(
        [...missing, ...stale].map((code) => expected.get(code)!),
        extra,
      );
    return {
      expected: expected.size,
      indexed: indexed.size,
      missing: missing.sort(),
      stale: stale.sort(),
      extra: extra.sort(),
      repaired: options.repair,
    };
  }

  /** Applies upserts and removals to the live index and to any index being built, then waits. */
  private write(documents: readonly CandidateDocument[], removals: readonly string[]): Promise<void> {
    return this.writer.write(CANDIDATES_INDEX_DEFINITION, documents, removals);
  }

  /** The documents the index should hold now, page by page (the rebuild and the consistency check read them). */
  async *expectedPages(): AsyncGenerator<CandidateDocument[]> {
    let after: string | null = null;
    for (;;) {
      const ids = await this.repository.pageOfIds(this.dataSource.manager, after, BATCH);
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
    for (let offset = 0; ; offset += BATCH) {
      const page = await this.client
        .index(this.live)
        .getDocuments<Version>({ fields: ['referenceCode', 'updatedAt'], offset, limit: BATCH });
      for (const doc of page.results) versions.set(doc.referenceCode, doc.updatedAt);
      if (page.results.length < BATCH) return versions;
    }
  }

  private ensureLive(): Promise<void> {
    return this.writer.ensureLive(CANDIDATES_INDEX_DEFINITION);
  }
}

import { MEILI_CLIENT, SearchIndexes, settle, settleAll } from '@app/search';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EnqueuedTask, Meilisearch } from 'meilisearch';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { IndexCheckReport } from '../candidate.types';
import { CandidateRepository } from '../store/candidate.repository';
import { candidateDocument, type CandidateDocument } from './candidate-document';
import { CANDIDATES_INDEX, CANDIDATES_INDEX_DEFINITION } from './candidate-index';
import { CandidateIndexSources } from './candidate-index-sources.service';

/** Ids read from Postgres and documents sent to the engine per request. */
const BATCH = 5_000;
/** The build index name: `<live>__build_<suffix>`. */
const BUILD_MARK = '__build_';

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
      await this.write([candidateDocument(decision.source)], []);
      return 'upserted';
    }
    await this.remove([decision?.referenceCode ?? referenceCode]);
    return 'removed';
  }

  async remove(referenceCodes: readonly string[]): Promise<void> {
    await this.write([], referenceCodes);
  }

  async syncCountry(countryCode: string): Promise<{ upserted: number; removed: number }> {
    const ids = await this.repository.idsByCountry(this.dataSource.manager, countryCode);
    return this.syncMany(ids);
  }

  async syncMany(ids: readonly string[]): Promise<{ upserted: number; removed: number }> {
    await this.ensureLive();
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
   * Zero-downtime rebuild: documents go into a fresh index that is then swapped with the live one.
   * While it is built, every live write is also applied to it; after the swap the candidates whose
   * row changed since the build started are synced again, and documents of erased candidates
   * removed, so a change racing with the read of its page is not lost. No full re-read is needed.
   */
  async rebuild(): Promise<{ documents: number; afterSwap: { upserted: number; removed: number } }> {
    const build = `${this.live}${BUILD_MARK}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    // `updated_at` is the start of the writing transaction, which may commit after this point:
    // counting from the oldest transaction still open catches those too.
    const [{ since }] = await this.dataSource.query<{ since: Date }[]>(
      `SELECT least(now(), min(xact_start)) AS since FROM pg_stat_activity WHERE datname = current_database()`,
    );
    const written: string[] = [];
    try {
      // A build left behind by an interrupted rebuild would otherwise keep receiving live writes.
      for (const stale of (await this.targets()).slice(1)) await settle(this.client.deleteIndex(stale));
      await this.indexes.apply(build, CANDIDATES_INDEX_DEFINITION);
      const tasks: EnqueuedTask[] = [];
      // Batches are enqueued without waiting: the engine indexes one while the next is read.
      for await (const page of this.expectedPages()) {
        if (page.length === 0) continue;
        tasks.push(await this.client.index(build).addDocuments(page));
        for (const document of page) written.push(document.referenceCode);
      }
      await settleAll(this.client, tasks);
      await this.ensureLive();
      await settle(this.client.swapIndexes([{ indexes: [this.live, build], rename: false }]));
    } finally {
      if (await this.indexes.exists(build)) await settle(this.client.deleteIndex(build));
    }
    const changed = await this.syncMany(
      await this.repository.idsUpdatedSince(this.dataSource.manager, since),
    );
    const erased = await this.repository.unknownReferenceCodes(this.dataSource.manager, written);
    await this.remove(erased);
    this.logger.log(`Candidates index rebuilt with ${written.length} document(s)`);
    return {
      documents: written.length,
      afterSwap: { upserted: changed.upserted, removed: changed.removed + erased.length },
    };
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
  private async write(documents: readonly CandidateDocument[], removals: readonly string[]): Promise<void> {
    if (documents.length === 0 && removals.length === 0) return;
    const targets = await this.targets();
    const tasks: EnqueuedTask[] = [];
    for (const uid of targets) {
      const index = this.client.index(uid);
      for (let start = 0; start < documents.length; start += BATCH)
        tasks.push(await index.addDocuments(documents.slice(start, start + BATCH)));
      for (let start = 0; start < removals.length; start += BATCH)
        tasks.push(await index.deleteDocuments(removals.slice(start, start + BATCH)));
    }
    await settleAll(this.client, tasks);
  }

  private async targets(): Promise<string[]> {
    const { results } = await this.client.getIndexes({ limit: 1000 });
    const builds = results
      .map((index) => index.uid)
      .filter((uid) => uid.startsWith(`${this.live}${BUILD_MARK}`));
    return [this.live, ...builds];
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

  private async ensureLive(): Promise<void> {
    if (!(await this.indexes.exists(this.live)))
      await this.indexes.apply(this.live, CANDIDATES_INDEX_DEFINITION);
  }
}

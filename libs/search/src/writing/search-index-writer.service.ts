import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EnqueuedTask, Meilisearch } from 'meilisearch';
import { randomBytes } from 'node:crypto';
import { MEILI_CLIENT, settle, settleAll } from '../search-client';
import type { SearchIndexDefinition } from '../search-index';
import { SearchIndexes } from '../search-indexes.service';
import { BUILD_MARK, type IndexRebuildReport, type IndexRebuildSource } from './index-rebuild';

/** Documents (or keys) sent to the engine per request. */
const REQUEST_DOCUMENTS = 5_000;
/** A build this old is no rebuild's any more (a rebuild of 100,000 profiles takes about a minute). */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * The one way documents reach an index, and the one way an index is rebuilt. Every write goes to
 * the live index and to any build of it in progress, so a rebuild loses no write made while it
 * reads; a rebuild fills a fresh index, swaps it with the live one and deletes the old one.
 */
@Injectable()
export class SearchIndexWriter {
  private readonly logger = new Logger(SearchIndexWriter.name);

  constructor(
    @Inject(MEILI_CLIENT) private readonly client: Meilisearch,
    private readonly indexes: SearchIndexes,
  ) {}

  /** Upserts `documents` and removes `removals` (primary keys) in the live index and its builds. */
  async write(
    definition: SearchIndexDefinition,
    documents: readonly object[],
    removals: readonly string[] = [],
  ): Promise<void> {
    if (documents.length === 0 && removals.length === 0) return;
    await this.ensureLive(definition);
    const tasks: EnqueuedTask[] = [];
    for (const uid of await this.targets(definition)) {
      const index = this.client.index(uid);
      for (let start = 0; start < documents.length; start += REQUEST_DOCUMENTS)
        tasks.push(
          await index.addDocuments(documents.slice(start, start + REQUEST_DOCUMENTS), {
            primaryKey: definition.primaryKey,
          }),
        );
      for (let start = 0; start < removals.length; start += REQUEST_DOCUMENTS)
        tasks.push(await index.deleteDocuments(removals.slice(start, start + REQUEST_DOCUMENTS)));
    }
    await settleAll(this.client, tasks);
  }

  /**
   * Builds a new index from `source.pages()` while live writes are mirrored into it, swaps it in
   * (Meilisearch swaps atomically, so search never sees a half-built index), deletes the old one,
   * then lets the source bring in line what changed meanwhile.
   */
  async rebuild<D extends object, M>(source: IndexRebuildSource<D, M>): Promise<IndexRebuildReport> {
    const { definition } = source;
    const live = this.indexes.uid(definition.name);
    const build = `${live}${BUILD_MARK}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    const mark = (await source.begin?.()) as M;
    const written: string[] = [];
    try {
      await this.dropAbandonedBuilds(definition);
      await this.indexes.apply(build, definition);
      const tasks: EnqueuedTask[] = [];
      // Pages are enqueued without waiting: the engine indexes one while the next is read.
      for await (const page of source.pages()) {
        for (let start = 0; start < page.length; start += REQUEST_DOCUMENTS) {
          const slice = page.slice(start, start + REQUEST_DOCUMENTS) as object[];
          tasks.push(
            await this.client.index(build).addDocuments(slice, { primaryKey: definition.primaryKey }),
          );
        }
        for (const document of page)
          written.push(String((document as Record<string, unknown>)[definition.primaryKey]));
      }
      await settleAll(this.client, tasks);
      await this.ensureLive(definition);
      await this.swap(live, build);
    } finally {
      // After the swap `build` holds the previous documents; on failure, a partial build.
      if (await this.indexes.exists(build)) await settle(this.client.deleteIndex(build));
    }
    await source.afterSwap?.(mark, written);
    this.logger.log(`Search index ${definition.name} rebuilt with ${written.length} document(s)`);
    return { documents: written.length };
  }

  /** Creates the live index with its settings when it does not exist yet. */
  async ensureLive(definition: SearchIndexDefinition): Promise<void> {
    const live = this.indexes.uid(definition.name);
    if (!(await this.indexes.exists(live))) await this.indexes.apply(live, definition);
  }

  /** The live index, then every build of it in progress. */
  async targets(definition: SearchIndexDefinition): Promise<string[]> {
    const live = this.indexes.uid(definition.name);
    const { results } = await this.client.getIndexes({ limit: 1000 });
    const builds = results.map((index) => index.uid).filter((uid) => uid.startsWith(`${live}${BUILD_MARK}`));
    return [live, ...builds];
  }

  /**
   * A build left behind by an interrupted rebuild would otherwise keep receiving live writes. A
   * build still young may belong to a rebuild running elsewhere, so only old ones are dropped.
   */
  private async dropAbandonedBuilds(definition: SearchIndexDefinition): Promise<void> {
    const prefix = `${this.indexes.uid(definition.name)}${BUILD_MARK}`;
    const { results } = await this.client.getIndexes({ limit: 1000 });
    const abandoned = results.filter(
      (index) =>
        index.uid.startsWith(prefix) &&
        Date.now() - new Date(index.createdAt ?? 0).getTime() > ABANDONED_AFTER_MS,
    );
    for (const index of abandoned) await settle(this.client.deleteIndex(index.uid));
  }

  /** Exchanges the live index with a finished build. */
  async swap(live: string, build: string): Promise<void> {
    await settle(this.client.swapIndexes([{ indexes: [live, build], rename: false }]));
  }
}

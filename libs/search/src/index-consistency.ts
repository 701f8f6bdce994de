import { createHash } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';
import { meilisearchApiError } from './meilisearch-transport';

/**
 * What an index's owner publishes so that the index can be compared with Postgres: the documents
 * it should hold now (exactly as the owner's indexer writes them), and how to bring given documents
 * back in line through the owner's own index jobs.
 */
export interface IndexConsistencySource {
  /** Logical index name (`SearchIndexes.uid` gives the live uid). */
  readonly index: string;
  readonly primaryKey: string;
  expectedDocuments(): AsyncIterable<readonly object[]>;
  /** Re-syncs these documents (by primary key), whatever each turns out to need: upsert or removal. */
  repair(ids: readonly string[]): Promise<void>;
}

export interface IndexDrift {
  expected: number;
  indexed: number;
  /** Should be searchable and are not. */
  missing: string[];
  /** Are searchable and should not be. */
  stale: string[];
  /** Are searchable with a content other than Postgres gives today. */
  outdated: string[];
}

const PAGE = 5_000;

/** A document's content fingerprint: the same fields with the same values give the same hash. */
export function documentFingerprint(document: object): string {
  return createHash('sha256').update(canonicalJson(document)).digest('base64url');
}

/** JSON with object keys sorted and undefined fields left out (as the engine stores them). */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Compares the live index `uid` with what its owner says it should hold: presence, absence, and
 * each document's content fingerprint (an index the engine does not have holds nothing). Reads
 * everything page by page; writes nothing.
 */
export async function compareIndex(
  client: Meilisearch,
  uid: string,
  source: IndexConsistencySource,
): Promise<IndexDrift> {
  const expected = new Map<string, string>();
  for await (const page of source.expectedDocuments())
    for (const document of page)
      expected.set(
        String((document as Record<string, unknown>)[source.primaryKey]),
        documentFingerprint(document),
      );
  const indexed = new Map<string, string>();
  for (let offset = 0; ; offset += PAGE) {
    // An engine that lost the index (restarted without its data) holds none of its documents.
    const page = await client
      .index(uid)
      .getDocuments<Record<string, unknown>>({ offset, limit: PAGE })
      .catch((error: unknown) => {
        if (meilisearchApiError(error)?.cause?.code === 'index_not_found') return { results: [] };
        throw error;
      });
    for (const document of page.results)
      indexed.set(String(document[source.primaryKey]), documentFingerprint(document));
    if (page.results.length < PAGE) break;
  }
  const missing: string[] = [];
  const outdated: string[] = [];
  for (const [id, fingerprint] of expected) {
    const found = indexed.get(id);
    if (found === undefined) missing.push(id);
    else if (found !== fingerprint) outdated.push(id);
  }
  const stale = [...indexed.keys()].filter((id) => !expected.has(id));
  return {
    expected: expected.size,
    indexed: indexed.size,
    missing: missing.sort(),
    stale: stale.sort(),
    outdated: outdated.sort(),
  };
}

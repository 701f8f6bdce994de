import type { SearchIndexDefinition } from '../search-index';

/**
 * What a domain supplies for its index to be rebuilt: the definition and every document the index
 * should hold, page by page. `begin` runs before the first page is read and `afterSwap` once the
 * new index is live, so a domain can bring in line what changed while its pages were being read.
 */
export interface IndexRebuildSource<D extends object, M = void> {
  readonly definition: SearchIndexDefinition;
  pages(): AsyncIterable<readonly D[]>;
  begin?(): Promise<M>;
  afterSwap?(mark: M, written: readonly string[]): Promise<void>;
}

export interface IndexRebuildReport {
  documents: number;
}

/** A build index's uid is `<live uid>__build_<suffix>`; live writes are mirrored into it. */
export const BUILD_MARK = '__build_';

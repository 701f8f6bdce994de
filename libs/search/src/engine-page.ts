import type { Page, PageRequest } from '@app/common';

/** A Meilisearch page (`page`/`hitsPerPage`) and where a requested window starts within it. */
export interface EnginePage {
  page: number;
  hitsPerPage: number;
  /** Hits of the engine page before the requested window. */
  skip: number;
}

/**
 * Meilisearch counts matches exactly only when asked by `page`/`hitsPerPage`, not by
 * `offset`/`limit`. The smallest page size at least `limit` whose one page holds the whole window
 * is asked for, so the total is exact; it is `limit` itself when `offset` is a multiple of it, and
 * under twice `limit` plus ten for every window the API accepts.
 */
export function enginePage(request: PageRequest): EnginePage {
  // The search below ends only for a whole window; anything else is a caller's bug, not a loop.
  if (!Number.isSafeInteger(request.limit) || request.limit < 1 || !Number.isSafeInteger(request.offset) || request.offset < 0)
    throw new RangeError(`Not a page window: limit ${request.limit}, offset ${request.offset}`);
  const last = request.offset + request.limit - 1;
  let hitsPerPage = request.limit;
  while (Math.floor(request.offset / hitsPerPage) !== Math.floor(last / hitsPerPage)) hitsPerPage++;
  const index = Math.floor(request.offset / hitsPerPage);
  return { page: index + 1, hitsPerPage, skip: request.offset - index * hitsPerPage };
}

/** The requested window of an engine page's hits, with the engine's exact total. */
export function windowOf<T>(
  request: PageRequest,
  asked: EnginePage,
  answer: { hits: T[]; totalHits: number },
): Page<T> {
  return {
    items: answer.hits.slice(asked.skip, asked.skip + request.limit),
    total: answer.totalHits,
    limit: request.limit,
    offset: request.offset,
  };
}

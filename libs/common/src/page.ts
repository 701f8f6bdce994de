/**
 * The one way every list of the API is paged: a window of `limit` items starting at `offset`, and
 * how many items the whole list holds. Fixed reference enumerations (countries, CEFR levels…) are
 * the only lists returned whole.
 */
export interface PageRequest {
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  /** Items in the whole list, not only in this window. */
  total: number;
  limit: number;
  offset: number;
}

export const PAGE_LIMIT_DEFAULT = 20;
export const PAGE_LIMIT_MAX = 100;
/** Deeper paging is refused: a list this long should be narrowed by its filters instead. */
export const PAGE_OFFSET_MAX = 10_000;

/** The window of a list that was read whole (lists bounded by their owner, such as one vacancy's contacts). */
export function pageOf<T>(all: readonly T[], request: PageRequest): Page<T> {
  return {
    items: all.slice(request.offset, request.offset + request.limit),
    total: all.length,
    limit: request.limit,
    offset: request.offset,
  };
}

export function mapPage<T, U>(page: Page<T>, map: (item: T) => U): Page<U> {
  return { ...page, items: page.items.map(map) };
}

/**
 * Covers the gap between an upper bound summed in one order and a score summed in another and then
 * rounded to four decimals.
 */
const SLACK = 1e-4;
const BUCKETS = 1024;

export interface BoundedTopInput {
  /** Items to consider, by index into `bounds`. */
  items: Int32Array;
  count: number;
  /** An upper bound of each item's score, by item, less `offset`. */
  bounds: Float64Array;
  /** Added to every bound: a part of the score every item can earn alike (0 when absent). */
  offset?: number;
  limit: number;
  minScore: number;
  /** The exact score of an item, or -1 when it does not match; called for as few items as possible. */
  score: (item: number) => number;
  /**
   * How far below its bound an item's score must be (0 or more), from what is cheap to read about
   * it: asked before `score`, only for items the bound alone cannot rule out.
   */
  shortfall?: (item: number) => number;
}

/**
 * The threshold algorithm: items are visited from the highest upper bound down, in buckets, and the
 * visit stops once no remaining bound can reach the `limit`-th best exact score. Returns every item
 * scored at or above `minScore` (a superset of the top `limit`, which the caller sorts), and how many
 * items were scored.
 */
export function boundedTop(input: BoundedTopInput): { items: number[]; scores: number[]; scored: number } {
  const { items, count, bounds, limit, minScore, shortfall } = input;
  const offset = input.offset ?? 0;
  // Items whose bound cannot reach `minScore` would never be scored: they are left out before ordering.
  const floor = minScore - offset - SLACK;
  const live = scratch(count);
  let size = 0;
  let max = 0;
  for (let i = 0; i < count; i++) {
    const bound = bounds[items[i]];
    if (bound < floor) continue;
    live[size++] = items[i];
    if (bound > max) max = bound;
  }
  const scale = max > 0 ? (BUCKETS - 1) / max : 0;
  const starts = new Int32Array(BUCKETS + 1);
  for (let i = 0; i < size; i++) starts[Math.floor(bounds[live[i]] * scale) + 1] += 1;
  for (let b = 0; b < BUCKETS; b++) starts[b + 1] += starts[b];
  const ordered = new Int32Array(size);
  const fill = starts.slice(0, BUCKETS);
  for (let i = 0; i < size; i++) ordered[fill[Math.floor(bounds[live[i]] * scale)]++] = live[i];

  const heap = new MinHeap(limit);
  const kept: number[] = [];
  const scores: number[] = [];
  let scored = 0;
  for (let b = BUCKETS - 1; b >= 0; b--) {
    const ceiling = (b + 1) / scale + offset + SLACK;
    if (ceiling < minScore || (heap.full && ceiling < heap.min)) break;
    for (let at = starts[b]; at < starts[b + 1]; at++) {
      const item = ordered[at];
      let bound = bounds[item] + offset + SLACK;
      if (bound < minScore || (heap.full && bound < heap.min)) continue;
      if (shortfall) {
        bound -= shortfall(item);
        if (bound < minScore || (heap.full && bound < heap.min)) continue;
      }
      const score = input.score(item);
      scored += 1;
      if (score < 0 || score < minScore) continue;
      kept.push(item);
      scores.push(score);
      heap.offer(score);
    }
  }
  return { items: kept, scores, scored };
}

let scratchItems = new Int32Array(1024);

/** A reusable buffer of at least `count` items (the search runs on one thread, one query at a time). */
function scratch(count: number): Int32Array {
  if (scratchItems.length < count) scratchItems = new Int32Array(Math.max(count, 2 * scratchItems.length));
  return scratchItems;
}

/** The `size` largest numbers seen, smallest on top. */
class MinHeap {
  private readonly values: Float64Array;
  private length = 0;

  constructor(private readonly size: number) {
    this.values = new Float64Array(Math.max(1, size));
  }

  get full(): boolean {
    return this.length >= this.size;
  }

  get min(): number {
    return this.values[0];
  }

  offer(value: number): void {
    const values = this.values;
    if (this.length < this.size) {
      let at = this.length++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (values[parent] <= value) break;
        values[at] = values[parent];
        at = parent;
      }
      values[at] = value;
      return;
    }
    if (value <= values[0]) return;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.length) break;
      const right = left + 1;
      const child = right < this.length && values[right] < values[left] ? right : left;
      if (values[child] >= value) break;
      values[at] = values[child];
      at = child;
    }
    values[at] = value;
  }
}

import { byRank } from '../store/feature-store';

/**
 * The best `limit` of the shards' lists, in the engine's order. Exact when each list is its shard's
 * best `limit`: the order (score, pair tie value, id) is total and a pair scores the same in any store.
 */
export function mergeShardLists<T extends { id: string; score: number; tie: number }>(
  lists: readonly (readonly T[])[],
  limit: number,
): T[] {
  return lists.flat().sort(byRank).slice(0, limit);
}

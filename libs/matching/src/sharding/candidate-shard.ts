/**
 * The shard a candidate's matching features live in: FNV-1a (32 bits) over the UTF-16 code units of
 * the id as Postgres prints it (lower-case, hyphenated UUID), modulo the shard count. It depends on
 * nothing but the id and the count, so every process, on every machine and Node version, puts a
 * candidate in the same shard; changing the count moves candidates between shards, which a full
 * re-match after the workers restart settles.
 */
export function candidateShard(candidateId: string, shardCount: number): number {
  if (shardCount <= 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < candidateId.length; i++) hash = Math.imul(hash ^ candidateId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % shardCount;
}

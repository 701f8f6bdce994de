import './register-paths';
import { loadConfig } from '@app/config';
import { dropDatabase } from '@app/database';
import { redisOptionsFromUrl } from '@app/queue';
import { settle } from '@app/search';
import Redis from 'ioredis';
import { Meilisearch } from 'meilisearch';
import { rm } from 'node:fs/promises';
import { meiliInstanceDir } from './test-run';

/** Removes everything this run created: database, queue keys, search indexes, Meilisearch folder. */
export default async function globalTeardown(): Promise<void> {
  const config = loadConfig();
  const runId = process.env.TEST_RUN_ID;
  if (!runId) return;
  await dropDatabase(config.database.url);
  await deleteRedisKeys(config.redis.url, `${config.queue.prefix}:*`);
  const local = globalThis.__TEST_MEILISEARCH__;
  if (local) {
    await local.stop();
    await rm(meiliInstanceDir(runId), { recursive: true, force: true });
  } else if (config.search.url) {
    await deleteIndexes(
      new Meilisearch({ host: config.search.url, apiKey: config.search.masterKey }),
      config.search.indexPrefix,
    );
  }
}

async function deleteRedisKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(redisOptionsFromUrl(url));
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function deleteIndexes(client: Meilisearch, prefix: string): Promise<void> {
  const { results } = await client.getIndexes({ limit: 1000 });
  for (const index of results.filter((candidate) => candidate.uid.startsWith(prefix))) {
    await settle(client.deleteIndex(index.uid));
  }
}

import { loadConfig } from '@app/config';
import { databaseName } from '@app/database';
import { join } from 'node:path';

/**
 * Derives this run's isolated resources from the developer's configuration: its own database,
 * queue prefix, search index prefix and (when MEILI_URL is unset) its own Meilisearch instance.
 */
export function testRunEnv(runId: string): Record<string, string> {
  const base = loadConfig();
  const database = new URL(base.database.url);
  database.pathname = `/${databaseName(base.database.url)}_test_${runId}`;
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: database.toString(),
    QUEUE_PREFIX: `test-${runId}`,
    SEARCH_INDEX_PREFIX: `test_${runId}_`,
    OUTBOX_POLL_INTERVAL_MS: '100',
    JOB_BACKOFF_MS: '200',
    // Webhook specs deliver to a receiver on loopback, which production refuses by default.
    WEBHOOK_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1',
    // Cheap password hashing keeps the suite fast; production defaults stay strong.
    ARGON2_MEMORY_KIB: '4096',
    ARGON2_TIME_COST: '1',
    TEST_RUN_ID: runId,
  };
}

export const TEST_MEILI_INSTANCE_PREFIX = 'meilisearch-test-';

export function testDataDir(): string {
  return loadConfig().dataDir;
}

export function meiliInstanceDir(runId: string): string {
  return join(testDataDir(), `${TEST_MEILI_INSTANCE_PREFIX}${runId}`);
}

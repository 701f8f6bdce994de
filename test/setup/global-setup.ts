import './register-paths';
import { loadConfig } from '@app/config';
import { migrate } from '@app/database';
import { ensureLocalMeilisearch, type LocalMeilisearch } from '@app/search';
import { explainUnreachableServices } from '../../apps/cli/src/preflight';
import { TEST_MEILI_INSTANCE_PREFIX, testRunEnv } from './test-run';

declare global {
  // Shared with global-teardown, which runs in the same process.
  var __TEST_MEILISEARCH__: LocalMeilisearch | undefined;
}

export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${process.pid}`;
  Object.assign(process.env, testRunEnv(runId));
  const config = loadConfig();
  const problem = await explainUnreachableServices(config);
  if (problem) throw new Error(`End-to-end tests need real services. ${problem}`);
  if (!config.search.url) {
    const meilisearch = await ensureLocalMeilisearch({
      dataDir: config.dataDir,
      instance: `${TEST_MEILI_INSTANCE_PREFIX}${runId}`,
    });
    globalThis.__TEST_MEILISEARCH__ = meilisearch;
    process.env.MEILI_URL = meilisearch.url;
    process.env.MEILI_MASTER_KEY = meilisearch.masterKey;
  }
  await migrate(config);
}

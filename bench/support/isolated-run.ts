import { loadConfig, type AppConfig } from '@app/config';
import { databaseName, dropDatabase, migrate } from '@app/database';
import { QUEUE_NAMES, redisOptionsFromUrl } from '@app/queue';
import { ensureLocalMeilisearch } from '@app/search';
import { Queue } from 'bullmq';
import { Client } from 'pg';

export interface IsolatedRun {
  config: AppConfig;
  /** Drops the benchmark's database and stops the Meilisearch it started. */
  dispose(): Promise<void>;
}

/**
 * Points this process at a database, queue prefix and index prefix of its own (and, without
 * MEILI_URL, a Meilisearch of its own), so a benchmark never touches development or test data, then
 * migrates that database from scratch; with `reuse`, it keeps what an earlier run left there.
 */
export async function startIsolatedRun(
  name: string,
  options: { reuse?: boolean } = {},
): Promise<IsolatedRun> {
  const base = loadConfig();
  const url = new URL(base.database.url);
  url.pathname = `/${databaseName(base.database.url)}_bench_${name}`;
  const env: Record<string, string> = {
    DATABASE_URL: url.toString(),
    SEARCH_INDEX_PREFIX: `bench_${name}_`,
    QUEUE_PREFIX: `bench-${name}`,
    LOG_LEVEL: 'warn',
  };
  const local = base.search.url
    ? undefined
    : await ensureLocalMeilisearch({ dataDir: base.dataDir, instance: `meilisearch-bench-${name}` });
  if (local) Object.assign(env, { MEILI_URL: local.url, MEILI_MASTER_KEY: local.masterKey });
  // The Nest contexts read their configuration from the environment.
  Object.assign(process.env, env);
  const config = loadConfig();
  if (!options.reuse) {
    await dropDatabase(config.database.url);
    await forgetQueues(config);
  }
  await migrate(config);
  await printVacuumSettings(config);
  return {
    config,
    dispose: async () => {
      await dropDatabase(config.database.url);
      await local?.stop();
    },
  };
}

/**
 * Empties the run's queues, job schedulers included: jobs an earlier run left behind name rows of
 * a dropped database, and a scheduler that survives would keep a new worker's start-up runs from
 * happening as they do on a fresh deployment.
 */
async function forgetQueues(config: AppConfig): Promise<void> {
  const connection = redisOptionsFromUrl(config.redis.url);
  for (const name of QUEUE_NAMES) {
    const queue = new Queue(name, { connection, prefix: config.queue.prefix });
    try {
      await queue.obliterate({ force: true });
    } finally {
      await queue.close();
    }
  }
}

/**
 * Names the server's autovacuum settings, which the figures depend on: the match sets are read
 * index-only only once vacuum has marked their pages all-visible. A server with autovacuum off (a
 * CI server may run so) never vacuums what the run writes, unlike a production one.
 */
async function printVacuumSettings(config: AppConfig): Promise<void> {
  const client = new Client({ connectionString: config.database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'autovacuum', 'autovacuum_naptime')`,
    );
    const value = (name: string) => rows.find((row) => row.name === name);
    const naptime = value('autovacuum_naptime');
    process.stdout.write(
      `PostgreSQL ${value('server_version')?.setting}: autovacuum ${value('autovacuum')?.setting}` +
        ` (naptime ${naptime?.setting}${naptime?.unit ?? ''})\n`,
    );
    if (value('autovacuum')?.setting !== 'on')
      process.stdout.write(
        '  autovacuum is off on this server: tables written during the run are never vacuumed, so reads\n' +
          '  of the match sets visit the heap; production servers run it (see Benchmarks in the README)\n',
      );
  } finally {
    await client.end();
  }
}

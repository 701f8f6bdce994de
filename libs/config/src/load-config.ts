import { resolve } from 'node:path';
import type { AppConfig } from './app-config';
import { envSchema } from './config.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type EnvSource = Record<string, string | undefined>;

/** Validates the environment once and returns a deep-frozen config; throws listing every problem. */
export function loadConfig(source: EnvSource = process.env): AppConfig {
  const parsed = envSchema.safeParse(withoutEmptyStrings(source));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  if (env.MEILI_URL && !env.MEILI_MASTER_KEY && env.NODE_ENV === 'production') {
    throw new ConfigError(['MEILI_MASTER_KEY: required when MEILI_URL is set in production']);
  }
  return deepFreeze<AppConfig>({
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    http: { host: env.API_HOST, port: env.API_PORT, bodyLimit: env.HTTP_BODY_LIMIT },
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
    redis: { url: env.REDIS_URL },
    queue: {
      prefix: env.QUEUE_PREFIX,
      attempts: env.JOB_ATTEMPTS,
      backoffMs: env.JOB_BACKOFF_MS,
      concurrency: env.WORKER_CONCURRENCY,
    },
    outbox: {
      pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
      batchSize: env.OUTBOX_BATCH_SIZE,
      retentionHours: env.OUTBOX_RETENTION_HOURS,
    },
    search: {
      url: env.MEILI_URL,
      masterKey: env.MEILI_MASTER_KEY,
      indexPrefix: env.SEARCH_INDEX_PREFIX,
    },
    dataDir: resolve(env.DATA_DIR),
  });
}

/** Only the variables the schema knows, with empty strings treated as unset (as in `.env` files). */
function withoutEmptyStrings(source: EnvSource): EnvSource {
  const known = Object.keys(envSchema.shape);
  return Object.fromEntries(
    known.filter((key) => source[key] !== undefined && source[key] !== '').map((key) => [key, source[key]]),
  );
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

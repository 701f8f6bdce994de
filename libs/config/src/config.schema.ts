import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const optionalUrl = z.url({ protocol: /^https?$/ }).optional();

const sizeLimit = z.string().regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb or 1mb');

/**
 * Every environment variable the platform reads, with its default. `.env.example` and the README's
 * configuration table mirror this schema (a unit test keeps them in step).
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  HTTP_BODY_LIMIT: sizeLimit.default('100kb'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/talentpool'),
  DATABASE_POOL_SIZE: positiveInt.max(200).default(10),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, - and _ only')
    .default('talentpool'),
  JOB_ATTEMPTS: positiveInt.max(100).default(5),
  JOB_BACKOFF_MS: positiveInt.default(2000),
  WORKER_CONCURRENCY: positiveInt.max(64).default(4),
  OUTBOX_POLL_INTERVAL_MS: positiveInt.min(50).default(500),
  OUTBOX_BATCH_SIZE: positiveInt.max(1000).default(200),
  OUTBOX_RETENTION_HOURS: positiveInt.default(72),
  MEILI_URL: optionalUrl,
  MEILI_MASTER_KEY: z.string().optional(),
  SEARCH_INDEX_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]*$/, 'letters, digits, - and _ only')
    .default(''),
  DATA_DIR: z.string().min(1).default('.data'),
});

export type Env = z.infer<typeof envSchema>;

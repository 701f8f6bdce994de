import { isIP } from 'node:net';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const optionalUrl = z.url({ protocol: /^https?$/ }).optional();

const share = z.number().min(0).max(1);
/** A JSON object in one variable, validated like the rest (`{"occupation":0.3}`). */
const json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(schema);
const matchWeights = z
  .object({
    essentialSkills: share,
    optionalSkills: share,
    occupation: share,
    languages: share,
    education: share,
    experience: share,
    memberState: share,
    startDate: share,
  })
  .partial()
  .strict();
const proximityCredits = z.object({ narrower: share, broader: share, related: share }).partial().strict();

/** Shard numbers as a comma-separated list of numbers and ranges (`0`, `0,2`, `0-3`), or `all`. */
const shardList = z
  .string()
  .regex(/^(all|\d+(-\d+)?(,\d+(-\d+)?)*)$/, 'must be all, or shard numbers and ranges like 0,2-3')
  .transform((text): number[] | 'all' => {
    if (text === 'all') return 'all';
    const shards = new Set<number>();
    for (const part of text.split(',')) {
      const [from, to = from] = part.split('-').map(Number);
      for (let shard = from; shard <= to; shard++) shards.add(shard);
    }
    return [...shards].sort((a, b) => a - b);
  });

const sizeLimit = z.string().regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb or 1mb');

const PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal'];
/** An address, a subnet in CIDR notation, or one of Express's named ranges. */
function isProxySpec(entry: string): boolean {
  if (PROXY_PRESETS.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}
const proxyList = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .refine((entries) => entries.every(isProxySpec), {
    message: 'must list addresses, CIDR subnets, loopback, linklocal or uniquelocal, separated by commas',
  });

const commaList = z.string().transform((text) =>
  text
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== ''),
);
const hostList = commaList.refine(
  (entries) => entries.every((entry) => /^[a-z0-9.-]{1,253}$/.test(entry) || isIP(entry) !== 0),
  { message: 'must list host names or addresses, separated by commas' },
);
const addressList = commaList.refine((entries) => entries.every((entry) => isIP(entry) !== 0), {
  message: 'must list IP addresses, separated by commas',
});

/**
 * Every environment variable the platform reads, with its default. `.env.example` and the README's
 * configuration table mirror this schema (a unit test keeps them in step).
 */
const envFields = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  HTTP_BODY_LIMIT: sizeLimit.default('100kb'),
  /** Proxies whose X-Forwarded-For is believed; none by default, so the client is the socket peer. */
  TRUSTED_PROXIES: proxyList.default([]),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/talentpool'),
  DATABASE_POOL_SIZE: positiveInt.max(200).default(10),
  DATABASE_POOL_CHECKOUT_TIMEOUT_MS: positiveInt.min(100).default(10_000),
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt.min(1000).default(60_000),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  REDIS_CONNECT_TIMEOUT_MS: positiveInt.min(100).default(10_000),
  REDIS_COMMAND_TIMEOUT_MS: positiveInt.min(100).default(10_000),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, - and _ only')
    .default('talentpool'),
  JOB_ATTEMPTS: positiveInt.max(100).default(5),
  JOB_BACKOFF_MS: positiveInt.default(2000),
  WORKER_CONCURRENCY: positiveInt.max(64).default(4),
  INDEX_BATCH_SIZE: positiveInt.max(5000).default(500),
  INDEX_BATCH_LINGER_MS: positiveInt.max(1000).default(20),
  OUTBOX_POLL_INTERVAL_MS: positiveInt.min(50).default(500),
  OUTBOX_BATCH_SIZE: positiveInt.max(1000).default(200),
  OUTBOX_RETENTION_HOURS: positiveInt.default(72),
  VACANCY_VALIDITY_MONTHS: positiveInt.max(24).default(6),
  MEILI_URL: optionalUrl,
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_TIMEOUT_MS: positiveInt.min(100).default(15_000),
  SEARCH_INDEX_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]*$/, 'letters, digits, - and _ only')
    .default(''),
  DATA_DIR: z.string().min(1).default('.data'),
  /** Signs access tokens; outside production a random one is generated at boot when unset. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: positiveInt.min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: positiveInt.max(365).default(30),
  EMAIL_TOKEN_TTL_HOURS: positiveInt.max(24 * 14).default(48),
  PASSWORD_RESET_TTL_MINUTES: positiveInt.max(24 * 60).default(60),
  ARGON2_MEMORY_KIB: positiveInt.min(1024).default(19456),
  ARGON2_TIME_COST: positiveInt.max(20).default(2),
  AUTH_RATE_WINDOW_SECONDS: positiveInt.default(900),
  LOGIN_FAILURES_PER_ACCOUNT: positiveInt.default(5),
  LOGIN_FAILURES_PER_IP: positiveInt.default(50),
  REGISTRATIONS_PER_IP: positiveInt.default(20),
  PASSWORD_RESETS_PER_ACCOUNT: positiveInt.default(3),
  PASSWORD_RESETS_PER_IP: positiveInt.default(20),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3001'),
  WEB_HOST: z.string().min(1).default('127.0.0.1'),
  WEB_PORT: port.default(3001),
  WEB_API_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3000'),
  WEB_SESSION_TTL_HOURS: positiveInt.max(24 * 30).default(12),
  MAIL_TRANSPORT: z.enum(['smtp', 'mailbox']).default('mailbox'),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_TIMEOUT_MS: positiveInt.min(100).default(30_000),
  MAIL_FROM: z.string().min(3).default('EU Talent Pool <no-reply@localhost>'),
  CANDIDATE_MIN_AGE: positiveInt.min(14).max(30).default(18),
  CANDIDATE_PROFILE_VALIDITY_MONTHS: positiveInt.max(60).default(12),
  CANDIDATE_EXPIRY_REMINDER_DAYS: positiveInt.max(180).default(30),
  CANDIDATE_LIFECYCLE_INTERVAL_MINUTES: positiveInt.max(24 * 60).default(60),
  /** Partial overrides of the default factor weights; they are rescaled to sum to 1. */
  MATCH_WEIGHTS: json(matchWeights).default({}),
  MATCH_PROXIMITY_CREDITS: json(proximityCredits).default({}),
  MATCH_LANGUAGE_MODE: z.enum(['hard', 'soft']).default('hard'),
  MATCH_TOP_PER_VACANCY: positiveInt.max(1000).default(100),
  MATCH_TOP_PER_CANDIDATE: positiveInt.max(1000).default(50),
  MATCH_MIN_SCORE: z.coerce.number().min(0).max(1).default(0.3),
  MATCH_REFRESH_INTERVAL_MINUTES: positiveInt.max(7 * 24 * 60).default(24 * 60),
  /**
   * Rows of `matches` a worker writes between its vacuums of the table (or its autovacuum share when
   * that is more); 0: leave it to autovacuum.
   */
  MATCH_VACUUM_AFTER_ROWS: z.coerce.number().int().min(0).max(100_000_000).default(20_000),
  /** Groups the candidate store is split into; 1 is the unsharded engine. */
  MATCH_SHARDS: positiveInt.max(64).default(1),
  /** The shards whose candidates this worker holds and whose queues it consumes. */
  MATCH_SHARD: shardList.default('all'),
  CONTACT_REQUESTS_PER_DAY: positiveInt.max(10_000).default(50),
  CONTACT_MESSAGES_PER_DAY: positiveInt.max(100_000).default(500),
  CONTACT_COOLDOWN_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  CONSISTENCY_CHECK_INTERVAL_MINUTES: positiveInt.max(7 * 24 * 60).default(60),
  NOTIFICATION_DIGEST_INTERVAL_MINUTES: positiveInt.max(7 * 24 * 60).default(24 * 60),
  SAVED_SEARCH_INTERVAL_MINUTES: positiveInt.max(7 * 24 * 60).default(24 * 60),
  VACANCY_EXPIRY_REMINDER_DAYS: positiveInt.max(90).default(7),
  /** Signs one-click unsubscribe links; outside production one is derived from DATABASE_URL when unset. */
  LINK_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Hosts webhook endpoints may point at; empty: any host with a public address. */
  WEBHOOK_ALLOWED_HOSTS: hostList.default([]),
  /** Loopback or private addresses webhook deliveries may still reach (e.g. 127.0.0.1 in tests). */
  WEBHOOK_ALLOWED_PRIVATE_ADDRESSES: addressList.default([]),
  WEBHOOK_TIMEOUT_MS: positiveInt.min(100).max(120_000).default(10_000),
});

export const envSchema = envFields.superRefine((env, ctx) => {
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'required in production' });
  }
  const served = env.MATCH_SHARD;
  if (Array.isArray(served) && served.some((shard) => shard >= env.MATCH_SHARDS)) {
    ctx.addIssue({
      code: 'custom',
      path: ['MATCH_SHARD'],
      message: 'shards are numbered 0 to MATCH_SHARDS - 1',
    });
  }
  if (env.NODE_ENV === 'production' && !env.LINK_SIGNING_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['LINK_SIGNING_SECRET'], message: 'required in production' });
  }
  if (env.MAIL_TRANSPORT === 'smtp' && !env.SMTP_URL) {
    ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'required when MAIL_TRANSPORT=smtp' });
  }
});

export type Env = z.infer<typeof envSchema>;

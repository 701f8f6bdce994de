import { createHash, randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { AppConfig } from './app-config';
import { envSchema } from './config.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Match weights and proximity credits when none are configured; matching's tests and benchmarks use them too. */
export const DEFAULT_MATCH_WEIGHTS: AppConfig['matching']['weights'] = {
  essentialSkills: 0.4,
  optionalSkills: 0.1,
  occupation: 0.2,
  languages: 0.1,
  education: 0.05,
  experience: 0.07,
  memberState: 0.04,
  startDate: 0.04,
};
export const DEFAULT_PROXIMITY_CREDITS: AppConfig['matching']['proximityCredits'] = {
  narrower: 0.6,
  broader: 0.4,
  related: 0.3,
};

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
    http: {
      host: env.API_HOST,
      port: env.API_PORT,
      bodyLimit: env.HTTP_BODY_LIMIT,
      trustedProxies: env.TRUSTED_PROXIES,
    },
    database: {
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      checkoutTimeoutMs: env.DATABASE_POOL_CHECKOUT_TIMEOUT_MS,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    redis: {
      url: env.REDIS_URL,
      connectTimeoutMs: env.REDIS_CONNECT_TIMEOUT_MS,
      commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
    },
    queue: {
      prefix: env.QUEUE_PREFIX,
      attempts: env.JOB_ATTEMPTS,
      backoffMs: env.JOB_BACKOFF_MS,
      concurrency: env.WORKER_CONCURRENCY,
      indexBatchSize: env.INDEX_BATCH_SIZE,
      indexBatchLingerMs: env.INDEX_BATCH_LINGER_MS,
    },
    outbox: {
      pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
      batchSize: env.OUTBOX_BATCH_SIZE,
      retentionHours: env.OUTBOX_RETENTION_HOURS,
    },
    vacancies: { validityMonths: env.VACANCY_VALIDITY_MONTHS },
    search: {
      url: env.MEILI_URL,
      masterKey: env.MEILI_MASTER_KEY,
      indexPrefix: env.SEARCH_INDEX_PREFIX,
      timeoutMs: env.MEILI_TIMEOUT_MS,
    },
    dataDir: resolve(env.DATA_DIR),
    auth: {
      jwtSecret: env.JWT_SECRET ?? randomBytes(48).toString('base64url'),
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      emailTokenTtlHours: env.EMAIL_TOKEN_TTL_HOURS,
      passwordResetTtlMinutes: env.PASSWORD_RESET_TTL_MINUTES,
      argon2: { memoryKib: env.ARGON2_MEMORY_KIB, timeCost: env.ARGON2_TIME_COST },
      rateLimits: {
        windowSeconds: env.AUTH_RATE_WINDOW_SECONDS,
        loginFailuresPerAccount: env.LOGIN_FAILURES_PER_ACCOUNT,
        loginFailuresPerIp: env.LOGIN_FAILURES_PER_IP,
        registrationsPerIp: env.REGISTRATIONS_PER_IP,
        passwordResetsPerAccount: env.PASSWORD_RESETS_PER_ACCOUNT,
        passwordResetsPerIp: env.PASSWORD_RESETS_PER_IP,
      },
    },
    mail: {
      transport: env.MAIL_TRANSPORT,
      smtpUrl: env.SMTP_URL,
      smtpTimeoutMs: env.SMTP_TIMEOUT_MS,
      from: env.MAIL_FROM,
      mailboxDir: join(resolve(env.DATA_DIR), 'mailbox'),
      publicUrl: env.PUBLIC_URL.replace(/\/+$/, ''),
    },
    web: {
      host: env.WEB_HOST,
      port: env.WEB_PORT,
      apiUrl: env.WEB_API_URL.replace(/\/+$/, ''),
      sessionTtlHours: env.WEB_SESSION_TTL_HOURS,
      secureCookies: env.PUBLIC_URL.startsWith('https:'),
    },
    candidates: {
      minAge: env.CANDIDATE_MIN_AGE,
      profileValidityMonths: env.CANDIDATE_PROFILE_VALIDITY_MONTHS,
      expiryReminderDays: env.CANDIDATE_EXPIRY_REMINDER_DAYS,
      lifecycleIntervalMinutes: env.CANDIDATE_LIFECYCLE_INTERVAL_MINUTES,
    },
    matching: {
      weights: { ...DEFAULT_MATCH_WEIGHTS, ...env.MATCH_WEIGHTS },
      proximityCredits: { ...DEFAULT_PROXIMITY_CREDITS, ...env.MATCH_PROXIMITY_CREDITS },
      languageMode: env.MATCH_LANGUAGE_MODE,
      topPerVacancy: env.MATCH_TOP_PER_VACANCY,
      topPerCandidate: env.MATCH_TOP_PER_CANDIDATE,
      minScore: env.MATCH_MIN_SCORE,
      refreshIntervalMinutes: env.MATCH_REFRESH_INTERVAL_MINUTES,
      vacuumAfterRows: env.MATCH_VACUUM_AFTER_ROWS,
      shards: {
        count: env.MATCH_SHARDS,
        served:
          env.MATCH_SHARD === 'all'
            ? Array.from({ length: env.MATCH_SHARDS }, (_, shard) => shard)
            : env.MATCH_SHARD,
      },
    },
    contacts: {
      requestsPerDay: env.CONTACT_REQUESTS_PER_DAY,
      messagesPerDay: env.CONTACT_MESSAGES_PER_DAY,
      cooldownDays: env.CONTACT_COOLDOWN_DAYS,
    },
    consistency: { checkIntervalMinutes: env.CONSISTENCY_CHECK_INTERVAL_MINUTES },
    notifications: {
      digestIntervalMinutes: env.NOTIFICATION_DIGEST_INTERVAL_MINUTES,
      savedSearchIntervalMinutes: env.SAVED_SEARCH_INTERVAL_MINUTES,
      vacancyExpiryReminderDays: env.VACANCY_EXPIRY_REMINDER_DAYS,
      // API and worker must agree, so the development fallback is derived, not random.
      linkSigningSecret:
        env.LINK_SIGNING_SECRET ??
        createHash('sha256').update(`link-signing:${env.DATABASE_URL}`).digest('base64url'),
    },
    webhooks: {
      allowedHosts: env.WEBHOOK_ALLOWED_HOSTS,
      allowedPrivateAddresses: env.WEBHOOK_ALLOWED_PRIVATE_ADDRESSES,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    },
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

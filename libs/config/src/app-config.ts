export interface AppConfig {
  readonly env: 'development' | 'test' | 'production';
  readonly logLevel: string;
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly bodyLimit: string;
    /** Proxies (addresses, CIDR subnets, Express's named ranges) whose forwarding headers are believed. */
    readonly trustedProxies: readonly string[];
  };
  readonly database: {
    readonly url: string;
    readonly poolSize: number;
    /** How long a request waits for a free pooled connection before it fails (503). */
    readonly checkoutTimeoutMs: number;
    /** Longest a statement may run, and a transaction may sit idle, before Postgres ends it. */
    readonly statementTimeoutMs: number;
  };
  readonly redis: {
    readonly url: string;
    readonly connectTimeoutMs: number;
    /** Bound on each command of the non-blocking connections (producers, rate limits, probes). */
    readonly commandTimeoutMs: number;
  };
  readonly queue: {
    readonly prefix: string;
    readonly attempts: number;
    readonly backoffMs: number;
    readonly concurrency: number;
    /** Index and match jobs of one kind handled together, at most (see JobBatcher). */
    readonly indexBatchSize: number;
    /** How long the first job of a batch waits for others to join it. */
    readonly indexBatchLingerMs: number;
  };
  readonly outbox: {
    readonly pollIntervalMs: number;
    readonly batchSize: number;
    readonly retentionHours: number;
  };
  readonly vacancies: {
    /** How long a published vacancy stays open before it expires. */
    readonly validityMonths: number;
  };
  readonly search: {
    /** Undefined when the bundled Meilisearch should be started locally. */
    readonly url?: string;
    readonly masterKey?: string;
    readonly indexPrefix: string;
    /** Bound on each HTTP request to Meilisearch (connect, answer and body). */
    readonly timeoutMs: number;
  };
  /** Folder for local state (Meilisearch binary, keys and data); git-ignored. */
  readonly dataDir: string;
  readonly auth: {
    readonly jwtSecret: string;
    readonly accessTokenTtlSeconds: number;
    readonly refreshTokenTtlDays: number;
    readonly emailTokenTtlHours: number;
    readonly passwordResetTtlMinutes: number;
    readonly argon2: { readonly memoryKib: number; readonly timeCost: number };
    readonly rateLimits: {
      readonly windowSeconds: number;
      readonly loginFailuresPerAccount: number;
      readonly loginFailuresPerIp: number;
      readonly registrationsPerIp: number;
      readonly passwordResetsPerAccount: number;
      readonly passwordResetsPerIp: number;
    };
  };
  readonly mail: {
    readonly transport: 'smtp' | 'mailbox';
    readonly smtpUrl?: string;
    /** Bound on connecting, the greeting and each socket wait of an SMTP delivery. */
    readonly smtpTimeoutMs: number;
    readonly from: string;
    /** Where the mailbox transport writes one JSON file per message. */
    readonly mailboxDir: string;
    /** Base of the links the platform sends by mail: the web front end. */
    readonly publicUrl: string;
  };
  readonly web: {
    readonly host: string;
    readonly port: number;
    /** Where the web front end reaches the API (server to server). */
    readonly apiUrl: string;
    /** Idle lifetime of a browser session (its API tokens live in Redis meanwhile). */
    readonly sessionTtlHours: number;
    /** Cookies are marked Secure when the public address is https. */
    readonly secureCookies: boolean;
  };
  readonly candidates: {
    /** Age of majority required to register (whole years on the day of registration). */
    readonly minAge: number;
    readonly profileValidityMonths: number;
    /** How long before expiry the renewal reminder is mailed. */
    readonly expiryReminderDays: number;
    /** How often the scheduled job expires profiles and sends reminders. */
    readonly lifecycleIntervalMinutes: number;
  };
  readonly matching: {
    readonly weights: Readonly<Record<MatchWeightName, number>>;
    /** Share of a required skill's credit earned through an ESCO relation instead of the skill itself. */
    readonly proximityCredits: Readonly<Record<'narrower' | 'broader' | 'related', number>>;
    /** `hard`: a required language below the vacancy's CEFR level excludes the candidate. */
    readonly languageMode: 'hard' | 'soft';
    readonly topPerVacancy: number;
    readonly topPerCandidate: number;
    /** Pairs scoring below this (0–1) are not kept. */
    readonly minScore: number;
    readonly refreshIntervalMinutes: number;
    /**
     * Rows of `matches` this process writes through set replacements before it vacuums the table,
     * or the share of the table its autovacuum waits for when that is more (0: never), so the set
     * reads of later writes stay index-only whatever the server's autovacuum.
     */
    readonly vacuumAfterRows: number;
    /**
     * The candidate store split by a stable hash of the candidate id into `count` shards (1: not
     * split); this worker holds and consumes the queues of the `served` ones (none: it only
     * coordinates).
     */
    readonly shards: { readonly count: number; readonly served: readonly number[] };
  };
  readonly contacts: {
    /** Contact requests one employer organisation may send per UTC day. */
    readonly requestsPerDay: number;
    /** Messages one employer organisation may send per UTC day. */
    readonly messagesPerDay: number;
    /** Days a declined or withdrawn candidate cannot be asked again for the same vacancy. */
    readonly cooldownDays: number;
  };
  readonly notifications: {
    /** How often pending digest notifications are mailed. */
    readonly digestIntervalMinutes: number;
    /** How often saved talent searches and job alerts are run and their new hits mailed. */
    readonly savedSearchIntervalMinutes: number;
    /** How long before a vacancy expires its employer is told. */
    readonly vacancyExpiryReminderDays: number;
    /** HMAC key of one-click unsubscribe links (API and worker must share it). */
    readonly linkSigningSecret: string;
  };
  readonly webhooks: {
    /** Hosts endpoints may point at; empty: any host whose address is public. */
    readonly allowedHosts: readonly string[];
    /** Loopback or private addresses deliveries may still reach. */
    readonly allowedPrivateAddresses: readonly string[];
    /** Bound on connecting to, and hearing back from, an endpoint. */
    readonly timeoutMs: number;
  };
  readonly consistency: {
    /** How often the scheduled consistency check compares Postgres with the indexes and matches. */
    readonly checkIntervalMinutes: number;
  };
}

export type MatchWeightName =
  | 'essentialSkills'
  | 'optionalSkills'
  | 'occupation'
  | 'languages'
  | 'education'
  | 'experience'
  | 'memberState'
  | 'startDate';

export interface AppConfig {
  readonly env: 'development' | 'test' | 'production';
  readonly logLevel: string;
  readonly http: { readonly host: string; readonly port: number; readonly bodyLimit: string };
  readonly database: { readonly url: string; readonly poolSize: number };
  readonly redis: { readonly url: string };
  readonly queue: {
    readonly prefix: string;
    readonly attempts: number;
    readonly backoffMs: number;
    readonly concurrency: number;
  };
  readonly outbox: {
    readonly pollIntervalMs: number;
    readonly batchSize: number;
    readonly retentionHours: number;
  };
  readonly search: {
    /** Undefined when the bundled Meilisearch should be started locally. */
    readonly url?: string;
    readonly masterKey?: string;
    readonly indexPrefix: string;
  };
  /** Folder for local state (Meilisearch binary, keys and data); git-ignored. */
  readonly dataDir: string;
}
